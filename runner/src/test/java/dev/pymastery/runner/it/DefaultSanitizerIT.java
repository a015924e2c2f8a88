package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.Nbval;
import dev.pymastery.runner.NbvalArguments;
import dev.pymastery.runner.RunSummary;
import dev.pymastery.runner.it.TestNotebooks.Cell;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curriculum folder's sanitize.cfg applies to the notebooks under it and to no other: the same
 * notebook, whose output holds a fresh object address, passes inside and fails outside. Runs
 * Debian's ipykernel (quick to start).
 */
class DefaultSanitizerIT {

    @Test
    void appliesToNotebooksUnderTheCurriculumFolderOnly(@TempDir Path dir) throws Exception {
        TestJupyter.requirePythonJupyter();
        Path curriculum = dir.resolve("notebooks");
        Files.createDirectories(curriculum);
        Files.copy(Path.of("../notebooks/sanitize.cfg"), curriculum.resolve(Nbval.DEFAULT_SANITIZER));
        List<Cell> cells = List.of(Cell.of("address", "print(object())", "<object object at 0x7f0000000000>\n"));
        Path inside = TestNotebooks.write(curriculum.resolve("month1/week01-x.ipynb"), "python3", cells);
        Path outside = TestNotebooks.write(dir.resolve("elsewhere/week01-x.ipynb"), "python3", cells);

        RunSummary summary = new Nbval(
                        NbvalArguments.parse(
                                List.of(inside.toString(), outside.toString()),
                                Map.of("JUPYTER_PATH", TestJupyter.jupyterPath()),
                                curriculum),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        event -> {})
                .run();

        assertThat(summary.notebooks().get(0).ok()).as("under notebooks/").isTrue();
        assertThat(summary.notebooks().get(1).ok()).as("elsewhere").isFalse();
    }
}
