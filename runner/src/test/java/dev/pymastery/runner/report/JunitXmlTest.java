package dev.pymastery.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.notebook.CodeCell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {

    @Test
    void oneTestcasePerCellWithStableNamesAndKinds(@TempDir Path dir) throws Exception {
        NotebookResult result = new NotebookResult(
                Path.of("notebooks/week1.ipynb"),
                Optional.of("pymastery"),
                List.of(
                        cell(2, "a1b2", new CellVerdict.Passed()),
                        cell(
                                3,
                                null,
                                new CellVerdict.OutputsDiffer(
                                        "    stdout (- stored, + fresh):\n      - 1\n      + 2\n")),
                        cell(
                                5,
                                "c3",
                                new CellVerdict.Raised(
                                        "CheckFailed",
                                        "lab 1.2: \u001b[31mnot done\u0007",
                                        List.of("\u001b[0;31mTraceback\u001b[0m"))),
                        cell(6, "d4", new CellVerdict.Skipped("NBVAL_SKIP")),
                        cell(7, "e5", new CellVerdict.TimedOut("Cell timeout: the cell ran longer than 1 s"))),
                Optional.empty(),
                Duration.ofMillis(1500));
        NotebookResult broken = NotebookResult.unusable(Path.of("bad.ipynb"), "bad.ipynb is not valid JSON");
        Path file = dir.resolve("reports/nbval.xml");

        JunitXml.write(file, List.of(result, broken));

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element root = xml.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("3");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(6);
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("notebooks/week1.ipynb");
        assertThat(first.getAttribute("name")).isEqualTo("cell a1b2");
        assertThat(((Element) cases.item(1)).getAttribute("name")).isEqualTo("cell #3");
        Element failure = (Element)
                ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("cell 3: outputs differ");
        assertThat(failure.getTextContent()).contains("- 1").contains("+ 2").contains("| code");
        Element error = (Element)
                ((Element) cases.item(2)).getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("CheckFailed");
        assertThat(error.getAttribute("message"))
                .isEqualTo("cell 5 (id c3): raised CheckFailed: lab 1.2: not done\\u0007");
        assertThat(error.getTextContent()).contains("Traceback").doesNotContain("\u001b");
        assertThat(((Element) cases.item(3)).getElementsByTagName("skipped").getLength())
                .isEqualTo(1);
        assertThat(((Element) cases.item(5)).getAttribute("name")).isEqualTo("notebook");
    }

    private static CellResult cell(int number, String id, CellVerdict verdict) {
        CodeCell cell = new CodeCell(number, Optional.ofNullable(id), "code", List.of(), List.of(), OptionalInt.of(1));
        return new CellResult(cell, verdict, Optional.of(List.of()), OptionalInt.of(1), Duration.ofMillis(20));
    }
}
