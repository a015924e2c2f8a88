package dev.pymastery.server;

import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.AttemptOutbox;
import dev.pymastery.progress.client.AttemptOutcome;
import dev.pymastery.progress.client.ServerUnreachableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A process that fills an outbox (its server never answers) and prints each key once submit returned. */
public final class OutboxWriterMain {
    private OutboxWriterMain() {}

    public static void main(String[] args) {
        AttemptOutbox outbox = AttemptOutbox.open(
                Path.of(args[0]),
                attempt -> {
                    throw new ServerUnreachableException("never reachable", null);
                },
                event -> {});
        for (int n = 0; ; n++) {
            Attempt attempt = Attempt.create(
                    "w01.repl-audit.money-eq",
                    AttemptOutcome.FAILED,
                    0,
                    2,
                    "x".repeat(n % 3000),
                    Duration.ofMillis(n),
                    CheckRuntime.GRAALPY,
                    Optional.empty(),
                    Optional.empty());
            outbox.submit(attempt);
            System.out.println(attempt.idempotencyKey());
            System.out.flush();
        }
    }
}
