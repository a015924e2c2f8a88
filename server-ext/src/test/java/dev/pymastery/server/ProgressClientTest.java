package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.AttemptOutbox;
import dev.pymastery.progress.client.AttemptOutcome;
import dev.pymastery.progress.client.DeliveryReport;
import dev.pymastery.progress.client.LearnerProgress;
import dev.pymastery.progress.client.OutboxEvent;
import dev.pymastery.progress.client.ProgressClient;
import dev.pymastery.progress.client.RecordedAttempt;
import dev.pymastery.progress.client.ServerResponseException;
import dev.pymastery.progress.client.ServerUnreachableException;
import dev.pymastery.server.people.Role;
import io.javalin.testtools.JavalinTest;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's client library against the real server. */
class ProgressClientTest {
    @TempDir
    Path dir;

    ProgressServer server;
    String ann;

    @BeforeEach
    void start() {
        server = Fixtures.server(Databases.SQLITE, dir);
        ann = server.people().issueToken(server.people().add("ann", Role.LEARNER));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Attempt attempt(String check, AttemptOutcome outcome, int score, int max) {
        return Attempt.create(
                check,
                outcome,
                score,
                max,
                "",
                Duration.ofMillis(3),
                CheckRuntime.GRAALPY,
                Optional.of("week01.ipynb"),
                Optional.empty());
    }

    @Test
    void recordsReadsAndExplainsFailures() {
        JavalinTest.test(server.app(), (app, http) -> {
            URI base = URI.create("http://127.0.0.1:" + app.port());
            ProgressClient client = ProgressClient.create(base, ann);
            Attempt attempt = attempt("w01.repl-audit.money-eq", AttemptOutcome.PASSED, 2, 2)
                    .withSubmission(Fixtures.code(true));
            RecordedAttempt stored = client.record(attempt);
            assertThat(stored.attempt())
                    .as("the answer never echoes the code")
                    .usingRecursiveComparison()
                    .ignoringFields("submission")
                    .isEqualTo(attempt);
            assertThat(stored.attempt().submission()).isEmpty();
            assertThat(stored.verification().state()).isEqualTo("pending");
            assertThat(stored.duplicate()).isFalse();
            assertThat(client.record(attempt).duplicate()).isTrue();
            assertThat(client.me().name()).isEqualTo("ann");
            assertThat(client.progress().points()).as("not verified yet").isZero();
            Fixtures.verifyQueued(server);
            LearnerProgress progress = client.progress();
            assertThat(progress.points()).isEqualTo(2);
            assertThat(progress.weeks().get(0).checks().get(0).bestOutcome()).contains(AttemptOutcome.PASSED);
            assertThat(progress.weeks().get(0).checks().get(0).state()).isEqualTo("verified");

            assertThatThrownBy(() -> ProgressClient.create(base, "pmt_wrong").me())
                    .isInstanceOf(ServerResponseException.class)
                    .hasMessageContaining("401")
                    .hasMessageContaining("ensure-local-learner")
                    .matches(e -> ((ServerResponseException) e).retryable());
            assertThatThrownBy(() -> client.record(attempt("w09.gone.gone", AttemptOutcome.PASSED, 1, 1)))
                    .isInstanceOf(ServerResponseException.class)
                    .hasMessageContaining("422")
                    .matches(e -> !((ServerResponseException) e).retryable());
        });
    }

    @Test
    void unreachableServersAreRetryableWithAnExplanation() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProgressClient client = ProgressClient.create(URI.create("http://127.0.0.1:" + port), ann);
        assertThatThrownBy(client::me)
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("cannot connect")
                .hasMessageContaining("./pymastery server");
    }

    @Test
    void theOutboxDeliversThroughTheClientAndDropsUnknownChecks() {
        JavalinTest.test(server.app(), (app, http) -> {
            ProgressClient client = ProgressClient.create(URI.create("http://127.0.0.1:" + app.port()), ann);
            List<OutboxEvent> events = new CopyOnWriteArrayList<>();
            try (AttemptOutbox outbox = AttemptOutbox.open(dir.resolve("outbox"), client, events::add)) {
                outbox.submit(attempt("w01.repl-audit.money-eq", AttemptOutcome.FAILED, 0, 2));
                outbox.submit(attempt("w09.gone.gone", AttemptOutcome.PASSED, 1, 1));
                outbox.submit(attempt("w01.repl-audit.money-eq", AttemptOutcome.PASSED, 2, 2)
                        .withSubmission(Fixtures.code(true)));
                DeliveryReport report = outbox.deliverNow();
                assertThat(report).isEqualTo(new DeliveryReport(2, 1, 0, Optional.empty()));
            }
            assertThat(events).filteredOn(e -> e instanceof OutboxEvent.Dropped).hasSize(1);
            Fixtures.verifyQueued(server);
            assertThat(client.progress().points()).isEqualTo(2);
            assertThat(server.attempts().count()).isEqualTo(2);
        });
    }
}
