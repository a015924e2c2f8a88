package dev.pymastery.checks.client;

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
}
