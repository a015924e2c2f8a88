package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.client.Timeouts;
import dev.pymastery.runner.curriculum.CheckRow;
import dev.pymastery.runner.curriculum.NotebookValidation;
import dev.pymastery.runner.curriculum.Validation;
import dev.pymastery.runner.run.NotebookPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pymastery validate} over every notebook in the repository's {@code notebooks/}: one
 * container per notebook, one test per {@code %check} cell (it passes on the solution and fails on
 * the released stub) and one for the notebook's other findings (checks file and cells in step, no
 * solution cell raising, the stub run reaching its end). With no notebooks nothing runs.
 */
class CurriculumValidateIT {
    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicNode> everyCheckPassesOnTheSolutionAndFailsOnTheStub() {
        Path folder = TestJupyter.curriculum();
        List<Path> notebooks = Files.isDirectory(folder) ? NotebookPaths.expand(List.of(folder)) : List.of();
        if (notebooks.isEmpty()) {
            return Stream.empty();
        }
        List<NotebookValidation> results = Validation.withKernels(
                        folder, TestJupyter.dataDirs(), 1, Timeouts.defaults(), event -> {})
                .validate(notebooks, work);
        return results.stream()
                .map(result -> DynamicContainer.dynamicContainer(
                        folder.relativize(result.notebook().toAbsolutePath().normalize())
                                .toString(),
                        result.notebook().toUri(),
                        Stream.concat(
                                result.rows().stream().map(CurriculumValidateIT::proven),
                                Stream.of(DynamicTest.dynamicTest("notebook", () -> assertThat(result.problems())
                                        .as("validate's findings for " + result.notebook())
                                        .isEmpty())))));
    }

    private static DynamicNode proven(CheckRow row) {
        return DynamicTest.dynamicTest(
                row.checkId() + " passes on the solution, fails on the stub",
                () -> assertThat(row.proven()).as(row::problem).isTrue());
    }
}
