package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.progress.client.AttemptOutbox;
import dev.pymastery.progress.client.DeliveryReport;
import dev.pymastery.progress.client.OutboxEvent;
import dev.pymastery.progress.client.ProgressClient;
import dev.pymastery.server.people.Role;
import dev.pymastery.testkit.ProgressServerProcess;
import io.javalin.testtools.JavalinTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed with SIGKILL while writing its outbox leaves every submitted attempt whole. */
class OutboxKillIT {
    @TempDir
    Path dir;

    @Test
    void everyAttemptSubmittedBeforeTheKillIsDeliveredAfterIt() throws Exception {
        Path outboxFolder = dir.resolve("outbox");
        Process writer = new ProcessBuilder(
                        ProgressServerProcess.java(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OutboxWriterMain.class.getName(),
                        outboxFolder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    confirmed.add(line.strip());
                }
            } catch (java.io.IOException e) {
                // the process died: expected
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (confirmed.size() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        writer.destroyForcibly();
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);
        assertThat(confirmed).hasSizeGreaterThanOrEqualTo(200);

        try (ProgressServer server = Fixtures.server(Databases.SQLITE, dir)) {
            String token = server.people().issueToken(server.people().add("ann", Role.LEARNER));
            JavalinTest.test(server.app(), (app, http) -> {
                Set<String> delivered = new HashSet<>();
                ProgressClient client = ProgressClient.create(URI.create("http://127.0.0.1:" + app.port()), token);
                DeliveryReport report;
                try (AttemptOutbox outbox = AttemptOutbox.open(outboxFolder, client, event -> {
                    if (event instanceof OutboxEvent.Delivered d) {
                        delivered.add(d.attempt().idempotencyKey());
                    }
                })) {
                    report = outbox.deliverNow();
                }
                assertThat(report.pending()).isZero();
                assertThat(report.dropped()).isZero();
                assertThat(delivered).containsAll(confirmed);
                assertThat(server.attempts().count()).isEqualTo(delivered.size());
                try (Stream<Path> left = Files.list(outboxFolder)) {
                    List<String> names =
                            left.map(p -> p.getFileName().toString()).toList();
                    assertThat(names).as("no corrupt or temporary files").isEmpty();
                }
            });
        }
    }
}
