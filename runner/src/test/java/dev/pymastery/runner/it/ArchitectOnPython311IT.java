package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pymastery.runner.report.CellReports;
import dev.pymastery.runner.report.CellResult;
import dev.pymastery.runner.report.JunitXml;
import dev.pymastery.runner.report.NotebookResult;
import dev.pymastery.testkit.ContainerEngine;
import dev.pymastery.testkit.InstalledKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Architect track on CPython 3.11, the version its release image has (decision 0024): a
 * kernelspec whose {@code architect} runtime is the bookworm test image runs each lab with {@code
 * --lax} (every cell must run and every {@code %check} pass; stored outputs, made on the trixie
 * image's CPython 3.13, are not compared). A probe notebook first proves the runtime is 3.11.
 */
class ArchitectOnPython311IT {
    /** Labs that cannot run on bookworm's packages, and why. */
    static final Map<String, String> NOT_ON_BOOKWORM = Map.of(
            "lab15-platform.ipynb",
            "bookworm packages Pydantic 1.10 and FastAPI 0.92; lab 15 is about Pydantic 2's API"
                    + " (model_config, field_validator), which the release image's Pydantic 2.12 on 3.11 has");

    static final String IMAGE =
            System.getProperty("pymastery.test.architect311.image", "pymastery-test/architect:3.11");

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicNode> everyLabRunsOnPython311() throws Exception {
        Path folder = TestJupyter.curriculum().resolve("architect");
        assumeTrue(Files.isDirectory(folder), "no Architect track in " + folder);
        requireEngine();
        Path dataDir = kernelOn311();
        Path probe = work.resolve("probe.ipynb");
        Files.writeString(probe, PROBE);
        NotebookResult probed = run(dataDir, probe);
        List<Path> labs;
        try (Stream<Path> files = Files.list(folder)) {
            labs = files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> !NOT_ON_BOOKWORM.containsKey(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        return Stream.concat(
                Stream.of(DynamicTest.dynamicTest("the architect runtime is CPython 3.11", () -> {
                    assertThat(probed.problem()).isEmpty();
                    assertThat(String.valueOf(probed.cells().getFirst().fresh()))
                            .contains("architect runtime: 3.11");
                })),
                labs.stream()
                        .map(lab -> DynamicContainer.dynamicContainer(
                                "3.11 " + lab.getFileName(),
                                lab.toUri(),
                                Stream.of(lab).flatMap(l -> cells(dataDir, l)))));
    }

    private static Stream<DynamicNode> cells(Path dataDir, Path lab) {
        NotebookResult result = run(dataDir, lab);
        if (result.problem().isPresent()) {
            return Stream.of(DynamicTest.dynamicTest(
                    "notebook", () -> assertThat(result.problem()).isEmpty()));
        }
        return result.cells().stream().map(cell -> DynamicTest.dynamicTest(JunitXml.testName(cell), () -> check(cell)));
    }

    private static void check(CellResult cell) {
        assertThat(cell.verdict().ok())
                .as(() -> "on CPython 3.11 (" + IMAGE + "): " + cell.cell().label() + ": "
                        + cell.verdict().summary() + "\n" + CellReports.source(cell.cell())
                        + CellReports.details(cell.verdict()))
                .isTrue();
    }

    private static NotebookResult run(Path dataDir, Path notebook) {
        return TestJupyter.nbval(List.of(dataDir), "--lax", notebook.toString())
                .summary()
                .notebooks()
                .getFirst();
    }

    /** This build's kernel as kernelspec {@code pymastery}, its architect runtime on the 3.11 image. */
    private static Path kernelOn311() {
        return Path.of(InstalledKernel.install(
                        work.resolve("jupyter-311"),
                        "pymastery",
                        "Python Mastery (architect on 3.11, test build)",
                        Map.of("PYMASTERY_RUNTIME_ARCHITECT_IMAGE", IMAGE))
                .jupyterPath());
    }

    /** The labs need the container engine and the image; CI must have both. */
    private static void requireEngine() {
        ContainerEngine.require(IMAGE);
    }

    private static final String PROBE = """
            {"cells": [{"cell_type": "code", "execution_count": null, "id": "probe", "metadata": {}, "outputs": [],
              "source": ["%%cpython architect\\n", "import sys\\n", "print('architect runtime: %d.%d' % sys.version_info[:2])"]}],
             "metadata": {"kernelspec": {"display_name": "Python Mastery (GraalPy)", "language": "python", "name": "pymastery"}},
             "nbformat": 4, "nbformat_minor": 5}
            """;
}
