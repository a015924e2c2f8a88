package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.AttemptOutbox;
import dev.pymastery.progress.client.AttemptOutcome;
import dev.pymastery.progress.client.Backoff;
import dev.pymastery.progress.client.OutboxEvent;
import dev.pymastery.progress.client.ProgressClient;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.people.Tokens;
import dev.pymastery.server.store.Database;
import dev.pymastery.server.store.PeopleStore;
import dev.pymastery.testkit.ProgressServerProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 learners post attempts through their outboxes while the server process is killed with SIGKILL
 * and started again: every attempt acknowledged before the kill is there after the restart, the
 * outboxes deliver the rest, and nothing is counted twice.
 */
abstract class KillRecoveryContract {
    private static final int LEARNERS = 50;
    private static final int ATTEMPTS_EACH = 40;
    private static final String[] CHECKS = {
        "w01.repl-audit.money-eq",
        "w01.repl-audit.vector-rmul",
        "w02.lazy-pipeline.gen-basic",
        "w02.lazy-pipeline.no-list"
    };

    abstract String kind();

    @TempDir
    Path dir;

    @Test
    void acknowledgedAttemptsSurviveAKillAndTheOutboxDeliversTheRest() throws Exception {
        String url = Databases.fresh(kind(), dir);
        List<String> tokens = new ArrayList<>();
        try (Database database = Database.open(url)) {
            PeopleStore people = new PeopleStore(database, new Tokens(), Clock.systemUTC());
            for (int i = 0; i < LEARNERS; i++) {
                tokens.add(people.issueToken(people.add("learner" + i, Role.LEARNER)));
            }
        }
        int port = ProgressServerProcess.freePort();
        Path log = dir.resolve("server.log");
        Set<String> submitted = ConcurrentHashMap.newKeySet();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(LEARNERS);
        List<AttemptOutbox> outboxes = new ArrayList<>();

        ProgressServerProcess server = ProgressServerProcess.start(port, url, Fixtures.catalogFolder(), log);
        try {
            for (int i = 0; i < LEARNERS; i++) {
                String learner = "learner" + i;
                ProgressClient client = ProgressClient.create(server.url(), tokens.get(i));
                AttemptOutbox outbox = AttemptOutbox.open(
                        dir.resolve("outbox-" + i),
                        client,
                        event -> {
                            if (event instanceof OutboxEvent.Delivered delivered) {
                                acknowledged.add(
                                        learner + "/" + delivered.attempt().idempotencyKey());
                                if (delivered.recorded().duplicate()) {
                                    duplicates.incrementAndGet();
                                }
                            }
                        },
                        new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)));
                outbox.start();
                outboxes.add(outbox);
                Thread.ofPlatform().name(learner).start(() -> {
                    try {
                        for (int n = 0; n < ATTEMPTS_EACH; n++) {
                            String check = CHECKS[n % CHECKS.length];
                            // The catalog's points: the server refuses an attempt that claims others.
                            int points =
                                    Fixtures.catalog().find(check).orElseThrow().points();
                            Attempt attempt = Attempt.create(
                                    check,
                                    n % 3 == 0 ? AttemptOutcome.PASSED : AttemptOutcome.FAILED,
                                    n % 3 == 0 ? points : 0,
                                    points,
                                    "attempt " + n,
                                    Duration.ofMillis(n),
                                    CheckRuntime.GRAALPY,
                                    Optional.empty(),
                                    Optional.empty());
                            outbox.submit(attempt);
                            submitted.add(learner + "/" + attempt.idempotencyKey());
                            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 60));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        finished.countDown();
                    }
                });
            }

            while (acknowledged.size() < LEARNERS * ATTEMPTS_EACH / 4) {
                Thread.sleep(20);
            }
            server.kill();
            Set<String> acknowledgedBeforeKill = new HashSet<>(acknowledged);
            Thread.sleep(1500); // learners keep working while the server is down

            server = ProgressServerProcess.start(port, url, Fixtures.catalogFolder(), log);
            assertThat(stored(url)).as("acknowledged before the kill").containsAll(acknowledgedBeforeKill);

            assertThat(finished.await(120, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            for (AttemptOutbox outbox : outboxes) {
                assertThat(outbox.awaitEmpty(Duration.ofSeconds(60))).isTrue();
            }
            Set<String> stored = stored(url);
            assertThat(submitted).hasSize(LEARNERS * ATTEMPTS_EACH);
            assertThat(stored).isEqualTo(submitted);
            assertThat(acknowledged).isEqualTo(submitted);
            assertThat(attemptRows(url)).isEqualTo(submitted.size());
            assertThat(summedAttemptCounts(url))
                    .as("per-check summaries count each attempt once")
                    .isEqualTo(submitted.size());
            System.out.printf(
                    "%s: %d attempts, %d acknowledged before the kill, %d retries answered as duplicates%n",
                    kind(), submitted.size(), acknowledgedBeforeKill.size(), duplicates.get());
        } finally {
            outboxes.forEach(AttemptOutbox::close);
            server.close();
        }
    }

    private static Set<String> stored(String url) throws Exception {
        Set<String> keys = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(
                        "SELECT p.name, a.idempotency_key FROM attempts a JOIN people p ON p.id = a.person_id")) {
            while (rows.next()) {
                keys.add(rows.getString(1) + "/" + rows.getString(2));
            }
        }
        return keys;
    }

    private static long attemptRows(String url) throws Exception {
        return single(url, "SELECT COUNT(*) FROM attempts");
    }

    private static long summedAttemptCounts(String url) throws Exception {
        return single(url, "SELECT SUM(attempts) FROM check_results");
    }

    private static long single(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
