package dev.pymastery.progress.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.checks.CheckRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttemptOutboxTest {
    @TempDir
    Path dir;

    /** A sender that answers from a script: null means stored, a status means that error. */
    static final class ScriptedSender implements AttemptSender {
        final List<Attempt> sent = new CopyOnWriteArrayList<>();
        volatile Integer failWith;
        volatile boolean unreachable;

        @Override
        public RecordedAttempt send(Attempt attempt) {
            sent.add(attempt);
            if (unreachable) {
                throw new ServerUnreachableException("connection refused", null);
            }
            if (failWith != null) {
                throw new ServerResponseException(failWith, "no", true, "status " + failWith);
            }
            return new RecordedAttempt(sent.size(), "ann", attempt, Instant.now(), false);
        }
    }

    static Attempt attempt(String key) {
        return new Attempt(
                key,
                "w01.lab.step",
                AttemptOutcome.PASSED,
                1,
                1,
                "",
                5,
                CheckRuntime.GRAALPY,
                Instant.parse("2025-01-01T00:00:00Z"),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void deliversOldestFirstAndRemovesDelivered() {
        ScriptedSender sender = new ScriptedSender();
        List<OutboxEvent> events = new ArrayList<>();
        AttemptOutbox outbox = AttemptOutbox.open(dir, sender, events::add);
        for (int i = 0; i < 5; i++) {
            outbox.submit(attempt("k" + i));
        }
        assertThat(outbox.pending()).isEqualTo(5);
        DeliveryReport report = outbox.deliverNow();
        assertThat(report).isEqualTo(new DeliveryReport(5, 0, 0, Optional.empty()));
        assertThat(sender.sent).extracting(Attempt::idempotencyKey).containsExactly("k0", "k1", "k2", "k3", "k4");
        assertThat(events).hasSize(5).allMatch(e -> e instanceof OutboxEvent.Delivered);
        assertThat(outbox.pending()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 401, 403, 408, 429})
    void keepsAttemptsOnRetryableStatuses(int status) {
        ScriptedSender sender = new ScriptedSender();
        sender.failWith = status;
        AttemptOutbox outbox = AttemptOutbox.open(dir, sender, e -> {});
        outbox.submit(attempt("a"));
        outbox.submit(attempt("b"));
        DeliveryReport report = outbox.deliverNow();
        assertThat(report.pending()).isEqualTo(2);
        assertThat(report.problem()).isPresent();
        assertThat(sender.sent).hasSize(1); // stops at the first retryable failure, keeps order
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 413, 422})
    void dropsAttemptsTheServerRefusesForGood(int status) {
        ScriptedSender sender = new ScriptedSender();
        sender.failWith = status;
        List<OutboxEvent> events = new ArrayList<>();
        AttemptOutbox outbox = AttemptOutbox.open(dir, sender, events::add);
        outbox.submit(attempt("a"));
        DeliveryReport report = outbox.deliverNow();
        assertThat(report).isEqualTo(new DeliveryReport(0, 1, 0, Optional.empty()));
        assertThat(events).singleElement().isInstanceOf(OutboxEvent.Dropped.class);
    }

    @Test
    void keeps4xxThatIsNotTheProgressServersAnswer() {
        AttemptSender wrongUrl = a -> {
            throw new ServerResponseException(404, "<html>Not Found</html>", false, "404");
        };
        AttemptOutbox outbox = AttemptOutbox.open(dir, wrongUrl, e -> {});
        outbox.submit(attempt("a"));
        assertThat(outbox.deliverNow().pending()).isEqualTo(1);
    }

    @Test
    void keepsAttemptsWhenUnreachableAndSurvivesReopening() {
        ScriptedSender sender = new ScriptedSender();
        sender.unreachable = true;
        AttemptOutbox first = AttemptOutbox.open(dir, sender, e -> {});
        first.submit(attempt("a"));
        first.submit(attempt("b"));
        assertThat(first.deliverNow().pending()).isEqualTo(2);
        first.close();

        sender.unreachable = false;
        AttemptOutbox second = AttemptOutbox.open(dir, sender, e -> {});
        assertThat(second.deliverNow().delivered()).isEqualTo(2);
    }

    @Test
    void removesLeftoverTemporaryFilesAndSetsCorruptFilesAside() throws Exception {
        Files.writeString(dir.resolve(".0000000000001-x-00000001.attempt.json.tmp"), "{\"half");
        Files.writeString(dir.resolve("0000000000002-x-00000001.attempt.json"), "not json");
        ScriptedSender sender = new ScriptedSender();
        AttemptOutbox outbox = AttemptOutbox.open(dir, sender, e -> {});
        outbox.submit(attempt("good"));
        DeliveryReport report = outbox.deliverNow();
        assertThat(report.delivered()).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly("0000000000002-x-00000001.attempt.json.corrupt");
        }
    }

    @Test
    void backgroundLoopDeliversAfterTheServerComesBack() throws Exception {
        ScriptedSender sender = new ScriptedSender();
        sender.unreachable = true;
        List<OutboxEvent> events = new CopyOnWriteArrayList<>();
        try (AttemptOutbox outbox = AttemptOutbox.open(
                dir, sender, events::add, new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)))) {
            outbox.start();
            outbox.submit(attempt("a"));
            Thread.sleep(150);
            assertThat(events).anyMatch(e -> e instanceof OutboxEvent.Deferred);
            sender.unreachable = false;
            assertThat(outbox.awaitEmpty(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(events).anyMatch(e -> e instanceof OutboxEvent.Delivered);
    }
}
