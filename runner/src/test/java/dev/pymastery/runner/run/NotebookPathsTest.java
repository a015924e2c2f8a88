package dev.pymastery.runner.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookPathsTest {

    @Test
    void foldersAreSearchedInPathOrderWithoutCheckpointsOrHiddenFolders(@TempDir Path dir) throws Exception {
        Path b = touch(dir.resolve("week2/b.ipynb"));
        Path a = touch(dir.resolve("week1/a.ipynb"));
        touch(dir.resolve("week1/.ipynb_checkpoints/a-checkpoint.ipynb"));
        touch(dir.resolve(".hidden/c.ipynb"));
        touch(dir.resolve("week1/notes.md"));
        Path extra = touch(dir.resolve("extra.json"));
        assertThat(NotebookPaths.expand(List.of(dir, extra, a))).containsExactly(a, b, extra);
    }

    @Test
    void aMissingPathIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> NotebookPaths.expand(List.of(dir.resolve("nope.ipynb"))))
                .hasMessageContaining("nope.ipynb");
    }

    private static Path touch(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{}");
    }
}
