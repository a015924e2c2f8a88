package dev.pymastery.kernel.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.kernel.magic.RanCell;
import dev.pymastery.progress.client.Submission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabSubmissionTest {
    @TempDir
    Path dir;

    private static CheckSpec check(List<String> files, List<String> cells) {
        return new CheckSpec(
                "w05.orm.field",
                "t",
                1,
                CheckRuntime.GRAALPY,
                Duration.ofSeconds(5),
                List.of(),
                "assert True",
                Optional.empty(),
                files,
                cells);
    }

    private static RanCell cell(String id, String code) {
        return new RanCell(Optional.ofNullable(id), code);
    }

    @Test
    void withCellIdsItSendsTheLastRunOfEachLabCellInNotebookOrder() {
        List<RanCell> ran = List.of(
                cell("demo", "x = 1"),
                cell("task2", "class Model: pass"),
                cell("task1", "class Field: pass  # first try"),
                cell("task1", "class Field:\n    pass"),
                cell("chk", "# run it\n%check w05.orm.field"));
        Submission sent = LabSubmission.of(check(List.of(), List.of("given", "task1", "task2")), ran, dir);
        assertThat(sent.labCells()).isTrue();
        assertThat(sent.cells())
                .extracting(Submission.Cell::code)
                .containsExactly("class Field:\n    pass", "class Model: pass");
    }

    @Test
    void withoutCellIdsItSendsEverythingTheSessionRanButCheckCells() {
        List<RanCell> ran = List.of(cell(null, "x = 1"), cell(null, "%check w05.orm.field"), cell(null, "y = x"));
        Submission sent = LabSubmission.of(check(List.of(), List.of("task1")), ran, dir);
        assertThat(sent.labCells()).isFalse();
        assertThat(sent.cells()).extracting(Submission.Cell::code).containsExactly("x = 1", "y = x");
    }

    @Test
    void itSendsTheNamedFilesThatExistUnderTheNotebooksFolder() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/report.json"), "{\"ok\": true}");
        Submission sent = LabSubmission.of(check(List.of("out/report.json", "missing.txt"), List.of()), List.of(), dir);
        assertThat(sent.files()).containsOnlyKeys("out/report.json");
        assertThat(new String(Base64.getDecoder().decode(sent.files().get("out/report.json"))))
                .isEqualTo("{\"ok\": true}");
    }

    @Test
    void theMostRecentCellsAreKeptWhenTheyExceedTheLimit() {
        String big = "x".repeat(Submission.MAX_CODE / 2 + 10);
        List<RanCell> ran = List.of(cell(null, "first = 1"), cell(null, big), cell(null, big), cell(null, "last = 1"));
        Submission sent = LabSubmission.of(check(List.of(), List.of()), ran, dir);
        assertThat(sent.cells()).extracting(Submission.Cell::code).containsExactly(big, "last = 1");
    }
}
