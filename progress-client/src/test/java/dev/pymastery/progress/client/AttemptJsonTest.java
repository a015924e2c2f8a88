package dev.pymastery.progress.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pymastery.checks.CheckRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AttemptJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void roundTripsEveryField() {
        Attempt attempt = new Attempt(
                "key-1",
                "w01.repl-audit.money-eq",
                AttemptOutcome.FAILED,
                1,
                2,
                "equal amounts should be equal",
                123,
                CheckRuntime.STOCK,
                Instant.parse("2025-01-31T09:30:00.123Z"),
                Optional.of("month1/week01.ipynb"),
                Optional.of("kernel-7"));
        assertThat(AttemptJson.read(AttemptJson.write(attempt))).isEqualTo(attempt);
    }

    @Test
    void acceptsOffsetsAndNamesTheBadField() {
        String body = """
                {"idempotencyKey":"k","checkId":"w01.a.b","outcome":"passed","score":1,"maxScore":1,
                 "message":"","durationMs":1,"runtime":"graalpy","attemptedAt":"2025-01-31T10:30:00+01:00"}""";
        assertThat(AttemptJson.read(JSON.readTree(body)).attemptedAt())
                .isEqualTo(Instant.parse("2025-01-31T09:30:00Z"));
        assertThatThrownBy(() -> AttemptJson.read(JSON.readTree(body.replace("\"score\":1", "\"score\":\"1\""))))
                .hasMessageContaining("'score' must be a whole number");
        assertThatThrownBy(() -> AttemptJson.read(JSON.readTree(body.replace("passed", "won"))))
                .hasMessageContaining("'outcome' must be one of passed, failed, error");
        assertThatThrownBy(() -> AttemptJson.read(JSON.readTree(body.replace("\"score\"", "\"extra\":1,\"score\""))))
                .hasMessageContaining("unknown field 'extra'");
        assertThatThrownBy(() -> AttemptJson.read(JSON.readTree(body.replace("\"score\":1", "\"score\":3"))))
                .hasMessageContaining("'score' must be between 0 and maxScore");
    }

    @Test
    void createTruncatesLongMessages() {
        Attempt attempt = Attempt.create(
                "w01.a.b",
                AttemptOutcome.ERROR,
                0,
                1,
                "x".repeat(10_000),
                Duration.ofMillis(5),
                CheckRuntime.GRAALPY,
                Optional.empty(),
                Optional.empty());
        assertThat(attempt.message()).hasSize(Attempt.MAX_MESSAGE).endsWith("…");
        assertThat(attempt.idempotencyKey()).hasSize(36);
    }

    @Test
    void carriesTheSubmissionButNeverEchoesIt() {
        Submission code = new Submission(
                java.util.List.of(
                        new Submission.Cell(Optional.of("w05-lab1"), "def f():\n    return 1\n"),
                        new Submission.Cell(Optional.empty(), "%%cpython\nx = 2\n")),
                java.util.Map.of(
                        "out/report.json", java.util.Base64.getEncoder().encodeToString("{}".getBytes())),
                true);
        Attempt attempt = Attempt.create(
                        "w01.a.b",
                        AttemptOutcome.PASSED,
                        1,
                        1,
                        "",
                        Duration.ofMillis(5),
                        CheckRuntime.GRAALPY,
                        Optional.empty(),
                        Optional.empty())
                .withSubmission(code);
        Attempt back = AttemptJson.read(AttemptJson.write(attempt));
        assertThat(back.submission()).contains(code);
        assertThat(AttemptJson.writeRecorded(new RecordedAttempt(1, "ada", attempt, Instant.now(), false))
                        .has("submission"))
                .isFalse();
    }

    @Test
    void refusesASubmissionThatReachesOutsideTheNotebooksFolderOrIsTooBig() {
        assertThatThrownBy(() -> new Submission(java.util.List.of(), java.util.Map.of("../etc/passwd", ""), false))
                .hasMessageContaining("without '..'");
        String big = "x".repeat(Submission.MAX_CODE + 1);
        assertThatThrownBy(() -> new Submission(
                        java.util.List.of(new Submission.Cell(Optional.empty(), big)), java.util.Map.of(), false))
                .hasMessageContaining("characters of code");
        assertThatThrownBy(
                        () -> AttemptJson.readSubmission(JSON.readTree("{\"cells\": [], \"files\": {\"a\": \"***\"}}")))
                .hasMessageContaining("not Base64");
    }
}
