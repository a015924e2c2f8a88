package dev.pymastery.runner.curriculum;

import static dev.pymastery.runner.curriculum.Notebooks.code;
import static dev.pymastery.runner.curriculum.Notebooks.notebook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pymastery.checks.CheckFiles;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.runner.UsageException;
import dev.pymastery.runner.notebook.NotebookFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCommandTest {
    @TempDir
    Path dir;

    private Path root;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void curriculum() {
        root = dir.resolve("notebooks");
        Notebooks.write(
                root.resolve("month1/week03-collections.ipynb"),
                notebook(
                        code("lab", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n"), code("chk", "%check w03.lab.x")));
        Notebooks.checks(root.resolve("month1/week03-collections.checks.yaml"), "w03.lab.x");
        Notebooks.write(root.resolve("month3/week09-vm.ipynb"), notebook(code("bad", "### BEGIN SOLUTION\nx = 1\n")));
    }

    @Test
    void aWeekInAnySpellingReleasesItsNotebookWithTheChecksFileInTheMonthFolder() throws Exception {
        for (String week : List.of("3", "03", "week03")) {
            Path out = dir.resolve("out-" + week);
            assertThat(command().run(List.of(week, "--out", out.toString()))).isZero();
            assertThat(out.resolve("month1/week03-collections.ipynb")).exists();
            Path learnerChecks = out.resolve("month1/week03-collections.checks.yaml");
            assertThat(Files.readString(learnerChecks))
                    .as("the hidden test stays with the instructor")
                    .doesNotContain("hidden")
                    .contains("assert True");
            CheckSpec check = CheckFiles.read(learnerChecks).checks().get(0);
            assertThat(check.id()).isEqualTo("w03.lab.x");
            assertThat(check.cells())
                    .as("the lab's cells, for the kernel to send")
                    .containsExactly("lab");
        }
        assertThat(Files.readString(dir.resolve("out-3/month1/week03-collections.ipynb")))
                .isEqualTo(Files.readString(dir.resolve("out-week03/month1/week03-collections.ipynb")))
                .contains("raise NotImplementedError()")
                .doesNotContain("x = 1");
    }

    @Test
    void releasedFilesAreReadableAsTheFolderAllowsAndAReleaseAgainKeepsTheirMode() throws Exception {
        // the instructor's checks file is private; its released copy is the learner's like the notebook
        Files.setPosixFilePermissions(
                root.resolve("month1/week03-collections.checks.yaml"), PosixFilePermissions.fromString("rw-------"));
        Path open = Files.createDirectories(dir.resolve("open/month1"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(command().run(List.of("3", "--out", dir.resolve("open").toString())))
                .isZero();
        assertThat(mode(open.resolve("week03-collections.ipynb"))).isEqualTo("rw-r--r--");
        assertThat(mode(open.resolve("week03-collections.checks.yaml"))).isEqualTo("rw-r--r--");

        Path closed = Files.createDirectories(dir.resolve("closed/month1"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx--x---"));
        assertThat(command().run(List.of("3", "--out", dir.resolve("closed").toString())))
                .isZero();
        assertThat(mode(closed.resolve("week03-collections.ipynb"))).isEqualTo("rw-r-----");
        assertThat(mode(closed.resolve("week03-collections.checks.yaml"))).isEqualTo("rw-r-----");

        Files.setPosixFilePermissions(
                open.resolve("week03-collections.ipynb"), PosixFilePermissions.fromString("rw-rw-r--"));
        assertThat(command().run(List.of("3", "--out", dir.resolve("open").toString())))
                .isZero();
        assertThat(mode(open.resolve("week03-collections.ipynb"))).isEqualTo("rw-rw-r--");
    }

    private static String mode(Path file) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void aBrokenNotebookIsReportedAndNotWrittenWhileTheOthersAre() {
        Path out = dir.resolve("out");
        assertThat(command().run(List.of(root.toString(), "--out", out.toString())))
                .isEqualTo(1);
        assertThat(out.resolve("month1/week03-collections.ipynb")).exists();
        assertThat(out.resolve("month3")).doesNotExist();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("ERROR " + root.resolve("month3/week09-vm.ipynb") + ": not released")
                .contains("cell 1 (id bad) line 1: ### BEGIN SOLUTION is never closed by ### END SOLUTION")
                .contains("release: 1 of 2 notebook(s) written to " + out);
    }

    @Test
    void aNotebookOutsideTheCurriculumKeepsItsFolderName() {
        Path elsewhere = Notebooks.write(dir.resolve("drafts/week05-x.ipynb"), notebook(code("a", "print(1)")));
        Path out = dir.resolve("out");
        assertThat(command().run(List.of(elsewhere.toString(), "--out", out.toString())))
                .isZero();
        assertThat(new NotebookFiles()
                        .read(out.resolve("drafts/week05-x.ipynb"))
                        .json()
                        .path("metadata")
                        .path("pymastery")
                        .path("release")
                        .path("week")
                        .asInt())
                .isEqualTo(5);
    }

    @Test
    void usageErrors() {
        assertThatThrownBy(() ->
                        command().run(List.of("7", "--out", dir.resolve("o").toString())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no notebook for week07")
                .hasMessageContaining("weeks there: week03, week09");
        assertThatThrownBy(() -> command()
                        .run(List.of(
                                "3", "--out", root.resolve("month1/learner").toString())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("inside");
        assertThatThrownBy(() -> command().run(List.of("3"))).hasMessageContaining("--out DIR is required");
        assertThatThrownBy(() -> command().run(List.of("nonsense", "--out", "x")))
                .hasMessageContaining("neither a notebook, a folder, a week (3, 03, week03) nor a track (architect)");
        assertThatThrownBy(() -> command()
                        .run(List.of("architect", "--out", dir.resolve("o").toString())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no notebook for the architect track under " + root.resolve("architect"));
    }

    @Test
    void theArchitectTrackReleasesItsLabsStampedWithTrackAndLab() {
        Notebooks.write(
                root.resolve("architect/lab03-descriptors.ipynb"),
                notebook(
                        code("lab", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n"),
                        code("chk", "%check a03.typed.rejects")));
        Notebooks.checks(root.resolve("architect/lab03-descriptors.checks.yaml"), "a03.typed.rejects");
        Path out = dir.resolve("out");
        assertThat(command().run(List.of("ARCHITECT", "--out", out.toString()))).isZero();
        assertThat(out.resolve("architect/lab03-descriptors.checks.yaml")).exists();
        assertThat(out.resolve("month1")).doesNotExist();
        var stamp = new NotebookFiles()
                .read(out.resolve("architect/lab03-descriptors.ipynb"))
                .json()
                .path("metadata")
                .path("pymastery")
                .path("release");
        assertThat(stamp.toString())
                .isEqualTo("{\"lab\":3,\"source\":\"architect/lab03-descriptors.ipynb\",\"track\":\"architect\"}");
    }

    private ReleaseCommand command() {
        Curriculum curriculum = new Curriculum(root);
        return new ReleaseCommand(
                curriculum,
                new Release(curriculum, new NotebookFiles()),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }
}
