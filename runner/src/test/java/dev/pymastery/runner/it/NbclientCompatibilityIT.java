package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.compare.ComparisonOptions;
import dev.pymastery.runner.compare.OutputComparison;
import dev.pymastery.runner.compare.Sanitizer;
import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.notebook.NotebookFiles;
import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.NotebookResult;
import dev.pymastery.runner.report.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same notebook through our runner and through {@code jupyter nbconvert --execute} (Debian's
 * nbclient), both starting this build's kernel from its kernelspec: they agree on which cells pass
 * (nbclient: no error output unless tagged raises-exception; ours: {@code --lax}, so only errors
 * count), on execution counts, and on the outputs themselves.
 */
class NbclientCompatibilityIT {

    @Test
    void runnerAndNbconvertAgreeCellByCell(@TempDir Path dir) throws Exception {
        TestJupyter.requirePythonJupyter();
        Path notebook = TestJupyter.fixture("compat.ipynb", dir);
        Path timings = TestJupyter.fixture("timings.cfg", dir);
        Path nbclientDir = Files.createDirectories(dir.resolve("nbclient"));

        TestJupyter.Result nbconvert = TestJupyter.run(
                List.of(
                        TestJupyter.PYTHON.toString(),
                        "-m",
                        "jupyter",
                        "nbconvert",
                        "--to",
                        "notebook",
                        "--execute",
                        "--allow-errors",
                        "--ExecutePreprocessor.timeout=600",
                        "--output-dir",
                        nbclientDir.toString(),
                        notebook.toString()),
                dir);
        assertThat(nbconvert.exitCode()).as(nbconvert.output()).isZero();
        TestJupyter.Run run = TestJupyter.nbval(
                notebook.toString(),
                "--lax",
                "--keep-executed",
                dir.resolve("ours").toString());

        NotebookFiles files = new NotebookFiles();
        List<CodeCell> theirs = files.read(nbclientDir.resolve("compat.ipynb")).codeCells();
        Map<String, Boolean> nbclientPasses = new LinkedHashMap<>();
        for (CodeCell cell : theirs) {
            boolean raised = cell.outputs().stream()
                    .anyMatch(o -> o.path("output_type").asString().equals("error"));
            nbclientPasses.put(cell.id().orElseThrow(), !raised || cell.tags().contains("raises-exception"));
        }
        NotebookResult ours = run.summary().notebooks().getFirst();
        Map<String, Boolean> runnerPasses = new LinkedHashMap<>();
        for (CellResult cell : ours.cells()) {
            runnerPasses.put(cell.cell().id().orElseThrow(), cell.verdict().ok());
        }
        assertThat(runnerPasses).isEqualTo(nbclientPasses);
        assertThat(runnerPasses)
                .containsEntry("error", false)
                .containsEntry("error-zero", false)
                .containsEntry("raises-tagged", true)
                .containsEntry("ok-after-error", true);

        Path executed = run.events().stream()
                .filter(RunEvent.NotebookWritten.class::isInstance)
                .map(event -> ((RunEvent.NotebookWritten) event).file())
                .findFirst()
                .orElseThrow();
        List<CodeCell> mine = files.read(executed).codeCells();
        OutputComparison comparison =
                new OutputComparison(new ComparisonOptions(Sanitizer.fromFiles(List.of(timings)), true, true));
        for (int i = 0; i < theirs.size(); i++) {
            CodeCell nbclientCell = theirs.get(i);
            CodeCell runnerCell = mine.get(i);
            assertThat(runnerCell.executionCount()).as(runnerCell.label()).isEqualTo(nbclientCell.executionCount());
            assertThat(comparison.compare(nbclientCell.outputs(), runnerCell.outputs()))
                    .as(runnerCell.label() + " outputs, nbclient vs runner")
                    .isEmpty();
        }
    }
}
