package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.notebook.Notebook;
import dev.pymastery.runner.notebook.NotebookFiles;
import dev.pymastery.runner.report.CellVerdict;
import dev.pymastery.runner.report.NotebookResult;
import dev.pymastery.runner.report.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The runner's semantics end to end, through this build's kernel started from its kernelspec: each
 * cell of {@code semantics.ipynb} says by its id what the runner must decide.
 */
class RunnerIT {

    @Test
    void judgesEachCellAsNbvalWouldAndReportsIt(@TempDir Path dir) throws Exception {
        Path notebook = TestJupyter.fixture("semantics.ipynb", dir);
        Path sanitizer = TestJupyter.fixture("addresses.cfg", dir);
        Path junit = dir.resolve("reports/nbval.xml");
        Path kept = dir.resolve("kept");

        TestJupyter.Run run = TestJupyter.nbval(
                notebook.toString(),
                "--sanitize-with",
                sanitizer.toString(),
                "--junit-xml",
                junit.toString(),
                "--keep-executed",
                kept.toString());

        NotebookResult result = run.summary().notebooks().getFirst();
        Map<String, String> expected = new LinkedHashMap<>();
        for (CodeCell cell : new NotebookFiles().read(notebook).codeCells()) {
            String id = cell.id().orElseThrow();
            expected.put(
                    id,
                    switch (id) {
                        case "fail-mismatch" -> "OutputsDiffer";
                        case "fail-raises" -> "Raised";
                        case "skip" -> "Skipped";
                        default -> "Passed";
                    });
        }
        assertThat(Verdicts.kinds(result)).containsExactlyEntriesOf(expected);
        assertThat(run.summary().exitCode()).isEqualTo(1);
        assertThat(Verdicts.byId(result).get("fail-raises"))
                .isInstanceOfSatisfying(CellVerdict.Raised.class, raised -> assertThat(raised.ename())
                        .isEqualTo("NameError"));

        assertThat(run.report())
                .contains("FAIL " + notebook + "  14 code cells (11 passed, 2 failed, 1 skipped)")
                .contains("[FAIL] " + notebook + " cell 4 (id fail-mismatch): outputs differ")
                .contains("    | print(1 + 1)\n    stdout (- stored, + fresh):\n      - 3\n      + 2\n")
                .contains("cell 9 (id fail-raises): raised NameError")
                .contains("nbval: 1 notebook(s), 14 code cell(s): 11 passed, 2 failed, 1 skipped");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(14);
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("1");

        Path copy = run.events().stream()
                .filter(RunEvent.NotebookWritten.class::isInstance)
                .map(event -> ((RunEvent.NotebookWritten) event).file())
                .findFirst()
                .orElseThrow();
        // Outside the working directory, a notebook keeps its path below the file system root.
        assertThat(copy)
                .isEqualTo(kept.resolve(notebook.toAbsolutePath().getRoot().relativize(notebook.toAbsolutePath())));
        Notebook executed = new NotebookFiles().read(copy);
        Map<String, CodeCell> cells = new LinkedHashMap<>();
        executed.codeCells().forEach(cell -> cells.put(cell.id().orElseThrow(), cell));
        assertThat(cells.get("fail-mismatch").outputs().getFirst().path("text").asString())
                .isEqualTo("2\n");
        assertThat(cells.get("pass-result").executionCount()).hasValue(1);
        assertThat(cells.get("pass-after-error").executionCount()).hasValue(13);
        assertThat(cells.get("skip").executionCount())
                .as("a skipped cell keeps what it stored")
                .hasValue(9);
        assertThat(Files.readString(notebook))
                .as("without --update the notebook is not touched")
                .isEqualTo(Files.readString(Path.of(
                        RunnerIT.class.getResource("/notebooks/semantics.ipynb").toURI())));
        assertThat(List.of(executed.json()
                        .path("metadata")
                        .path("kernelspec")
                        .path("name")
                        .asString()))
                .containsExactly("pymastery");
    }
}
