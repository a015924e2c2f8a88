package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.report.CellReports;
import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.JunitXml;
import dev.pymastery.runner.report.NotebookResult;
import dev.pymastery.runner.run.NotebookPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook in the repository's {@code notebooks/} folder, run as {@code ./pymastery nbval}
 * runs it (each with the kernel its metadata names, this build's kernel for {@code pymastery}):
 * one container per notebook, one test per code cell, named as in the runner's JUnit XML, with
 * notebooks/sanitize.cfg applied as nbval applies it. With no notebooks there is nothing to run and
 * nothing fails.
 */
class CurriculumNotebooksIT {

    @TestFactory
    Stream<DynamicNode> everyNotebookPasses() {
        Path folder = TestJupyter.curriculum();
        List<Path> notebooks = Files.isDirectory(folder) ? NotebookPaths.expand(List.of(folder)) : List.of();
        return notebooks.stream()
                .map(notebook -> DynamicContainer.dynamicContainer(
                        folder.relativize(notebook).toString(),
                        notebook.toUri(),
                        Stream.of(notebook).flatMap(this::cells)));
    }

    private Stream<DynamicNode> cells(Path notebook) {
        NotebookResult result =
                TestJupyter.nbval(notebook.toString()).summary().notebooks().getFirst();
        if (result.problem().isPresent()) {
            return Stream.of(DynamicTest.dynamicTest(
                    "notebook", () -> assertThat(result.problem()).isEmpty()));
        }
        return result.cells().stream().map(cell -> DynamicTest.dynamicTest(JunitXml.testName(cell), () -> check(cell)));
    }

    private static void check(CellResult cell) {
        assertThat(cell.verdict().ok())
                .as(() -> cell.cell().label() + ": " + cell.verdict().summary() + "\n" + CellReports.source(cell.cell())
                        + CellReports.details(cell.verdict()))
                .isTrue();
    }
}
