package dev.pymastery.runner.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.CellVerdict;
import dev.pymastery.runner.report.NotebookResult;
import dev.pymastery.runner.report.RunEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Validate's running commentary: notebooks as they start and end, check cells as they finish. */
class ValidationProgressTest {
    private static final Path ROOT = Path.of("/course/notebooks");
    private static final Path WORK = Path.of("/tmp/pymastery-validate-1");

    private static CellResult cell(int number, String source, CellVerdict verdict) {
        return new CellResult(
                new CodeCell(number, Optional.of("c" + number), source, List.of(), List.of(), OptionalInt.empty()),
                verdict,
                Optional.of(List.of()),
                OptionalInt.of(number),
                Duration.ofMillis(5));
    }

    private static List<String> lines(boolean verbose, RunEvent... events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ValidationProgress progress =
                new ValidationProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), ROOT, WORK, verbose);
        for (RunEvent event : events) {
            progress.on(event);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void eachNotebookAndEachCheckIsReportedAsItHappens() {
        Path solution = ROOT.resolve("month1/week01-x.ipynb");
        Path learner = WORK.resolve("month1/week01-x.ipynb");
        List<String> lines = lines(
                false,
                new RunEvent.NotebookStarted(solution, "pymastery"),
                new RunEvent.CellFinished(solution, cell(1, "x = 1", new CellVerdict.Passed())),
                new RunEvent.CellFinished(solution, cell(2, "%check w01.lab.a", new CellVerdict.Passed())),
                new RunEvent.NotebookStarted(learner, "pymastery"),
                new RunEvent.CellFinished(
                        learner, cell(2, "%check w01.lab.a", new CellVerdict.Raised("CheckFailed", "no", List.of()))),
                new RunEvent.NotebookFinished(new NotebookResult(
                        solution, Optional.of("pymastery"), List.of(), Optional.empty(), Duration.ofMillis(2500))));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0))
                .matches("\\[ +\\d+\\.\\d s\\] month1/week01-x.ipynb \\(solution\\): started \\(kernel pymastery\\)");
        assertThat(lines.get(1)).endsWith("month1/week01-x.ipynb (solution): %check w01.lab.a passed");
        assertThat(lines.get(2)).endsWith("month1/week01-x.ipynb (learner version): started (kernel pymastery)");
        assertThat(lines.get(3)).endsWith("month1/week01-x.ipynb (learner version): %check w01.lab.a failed");
        assertThat(lines.get(4)).endsWith("month1/week01-x.ipynb (solution): done in 2.5 s");
    }

    @Test
    void verboseAddsEveryOtherCell() {
        Path solution = ROOT.resolve("month1/week01-x.ipynb");
        assertThat(lines(
                        true,
                        new RunEvent.CellFinished(
                                solution, cell(1, "1/0", new CellVerdict.Raised("ZeroDivisionError", "", List.of())))))
                .singleElement()
                .asString()
                .endsWith("(solution): cell 1 (id c1) raised ZeroDivisionError");
    }
}
