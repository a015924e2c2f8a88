package dev.pymastery.runner.curriculum;

import static dev.pymastery.runner.curriculum.Notebooks.code;
import static dev.pymastery.runner.curriculum.Notebooks.notebook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.notebook.CodeCell;
import dev.pymastery.runner.notebook.NotebookFiles;
import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.CellVerdict;
import dev.pymastery.runner.report.NotebookResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validate's judgement, with a scripted runner in place of kernels. */
class ValidationTest {
    @TempDir
    Path dir;

    private final List<Path> ran = new ArrayList<>();

    @Test
    void aCheckIsProvenWhenItPassesOnTheSolutionAndFailsOnTheStub() {
        Path notebook = week("good", "weak", "slow");
        // the solution passes every check; on the stub "good" fails, "weak" passes, "slow" times out
        List<NotebookValidation> results = validate(notebook, (stub, cell) -> {
            String id = cell.id().orElseThrow();
            if (!stub || id.equals("weak")) {
                return new CellVerdict.Passed();
            }
            return id.equals("slow")
                    ? new CellVerdict.TimedOut("Cell timed out after 600 s; the kernel was interrupted")
                    : new CellVerdict.Raised("CheckFailed", "expected 3, got NotImplementedError", List.of());
        });

        assertThat(ran).hasSize(2).first().isEqualTo(notebook);
        assertThat(ran.get(1)).as("the learner version").startsWith(dir.resolve("work"));
        NotebookValidation result = results.getFirst();
        assertThat(result.ok()).isFalse();
        assertThat(result.rows())
                .extracting(CheckRow::checkId)
                .containsExactly("w02.lab.good", "w02.lab.weak", "w02.lab.slow");
        assertThat(result.rows()).extracting(CheckRow::proven).containsExactly(true, false, false);
        assertThat(result.rows().get(1).problem()).contains("PASSES ON THE STUB");
        assertThat(result.rows().get(2).problem())
                .contains("must fail on the stub with CheckFailed but not run (Cell timed out");
        assertThat(result.problems()).isEmpty();

        String table = report(results);
        assertThat(table)
                .contains("FAIL " + notebook)
                .containsPattern("w02.lab.good +passed +failed +ok")
                .containsPattern("w02.lab.weak +passed +passed +<-- NOT PROVEN")
                .contains("validate: 1 notebook(s), 3 check(s), 1 pass on the solution and fail on the stub");
    }

    @Test
    void aSolutionThatFailsItsCheckOrRaisesElsewhereIsReported() {
        Path notebook = week("good");
        List<NotebookValidation> results =
                validate(notebook, (stub, cell) -> switch (cell.id().orElseThrow()) {
                    case "lab-good" ->
                        stub
                                ? new CellVerdict.Raised("NotImplementedError", "", List.of())
                                : new CellVerdict.Raised("NameError", "name 'y' is not defined", List.of());
                    default -> new CellVerdict.Raised("CheckFailed", "nope", List.of());
                });
        NotebookValidation result = results.getFirst();
        assertThat(result.rows().getFirst().problem()).contains("must pass on the solution but failed (nope)");
        assertThat(result.problems())
                .containsExactly("solution run: cell 1 (id lab-good) raised NameError: name 'y' is not defined");
    }

    @Test
    void checksFileAndCellsMustAgree() {
        Path notebook = Notebooks.write(
                dir.resolve("notebooks/month1/week02-x.ipynb"),
                notebook(code("c1", "%check w02.lab.one\n%check w02.lab.two"), code("c2", "%check w02.lab.ghost")));
        Notebooks.checks(
                dir.resolve("notebooks/month1/week02-x.checks.yaml"), "w02.lab.one", "w02.lab.two", "w02.lab.unused");
        NotebookValidation result =
                validate(notebook, (stub, cell) -> new CellVerdict.Passed()).getFirst();
        assertThat(result.problems())
                .containsExactly(
                        "cell 1 (id c1): holds 2 %check lines; give each check its own cell so its outcome is its own",
                        "cell 2 (id c2): %check w02.lab.ghost is not in week02-x.checks.yaml",
                        "check w02.lab.unused of week02-x.checks.yaml has no %check cell");
    }

    @Test
    void aNotebookWithoutChecksIsNotRun() {
        Path notebook = Notebooks.write(dir.resolve("notebooks/month1/week04-x.ipynb"), notebook(code("a", "1")));
        NotebookValidation result =
                validate(notebook, (stub, cell) -> new CellVerdict.Passed()).getFirst();
        assertThat(result.ok()).isTrue();
        assertThat(ran).isEmpty();
        assertThat(report(List.of(result))).contains("nothing to prove");
    }

    /** A week-2 notebook with a lab cell and a check cell per name. */
    private Path week(String... names) {
        List<tools.jackson.databind.node.ObjectNode> cells = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            cells.add(code("lab-" + name, "### BEGIN SOLUTION\n" + name + " = 1\n### END SOLUTION\n"));
            cells.add(code(name, "%check w02.lab." + name));
            ids.add("w02.lab." + name);
        }
        Notebooks.checks(dir.resolve("notebooks/month1/week02-x.checks.yaml"), ids.toArray(String[]::new));
        return Notebooks.write(
                dir.resolve("notebooks/month1/week02-x.ipynb"),
                notebook(cells.toArray(tools.jackson.databind.node.ObjectNode[]::new)));
    }

    private List<NotebookValidation> validate(Path notebook, BiFunction<Boolean, CodeCell, CellVerdict> verdicts) {
        Curriculum curriculum = new Curriculum(dir.resolve("notebooks"));
        NotebookFiles files = new NotebookFiles();
        Validation validation = new Validation(new Release(curriculum, files), files, paths -> paths.stream()
                .map(path -> {
                    ran.add(path);
                    boolean stub = !curriculum.contains(path);
                    List<CellResult> cells = files.read(path).codeCells().stream()
                            .map(cell -> new CellResult(
                                    cell,
                                    verdicts.apply(stub, cell),
                                    Optional.of(List.of()),
                                    OptionalInt.of(1),
                                    Duration.ZERO))
                            .toList();
                    return new NotebookResult(path, Optional.of("pymastery"), cells, Optional.empty(), Duration.ZERO);
                })
                .toList());
        return validation.validate(List.of(notebook), dir.resolve("work"));
    }

    private static String report(List<NotebookValidation> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ValidationReport report = new ValidationReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        results.forEach(report::notebook);
        report.summary(results);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
