package dev.pymastery.server.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.AttemptOutcome;
import dev.pymastery.progress.client.RecordedAttempt;
import dev.pymastery.server.Databases;
import dev.pymastery.server.Fixtures;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.people.Tokens;
import dev.pymastery.server.store.AttemptStore;
import dev.pymastery.server.store.Database;
import dev.pymastery.server.store.PeopleStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leader/follower group commit under many concurrent requests, retries among them. */
class AttemptRecorderTest {
    @TempDir
    Path dir;

    @Test
    void everyRequestGetsItsOwnAnswerAndRetriesAreNotCountedAgain() throws Exception {
        try (Database database = Database.open(Databases.fresh(Databases.SQLITE, dir))) {
            PeopleStore people = new PeopleStore(database, new Tokens(), Clock.systemUTC());
            AttemptStore store = new AttemptStore(database, Clock.systemUTC());
            List<RecordedAttempt> published = new java.util.concurrent.CopyOnWriteArrayList<>();
            AttemptRecorder recorder = new AttemptRecorder(store, Fixtures.catalog(), published::add, 8);
            int threads = 24;
            int each = 60;
            List<Person> learners = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                learners.add(people.add("l" + i, Role.LEARNER));
            }
            AtomicInteger created = new AtomicInteger();
            AtomicInteger duplicates = new AtomicInteger();
            ConcurrentHashMap<String, Long> ids = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Person learner = learners.get(t);
                running.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        for (int n = 0; n < each; n++) {
                            // every fifth request retries the previous key
                            int keyNumber = n % 5 == 4 ? n - 1 : n;
                            Attempt attempt = attempt(learner.name() + "-" + keyNumber);
                            switch (recorder.record(learner, attempt)) {
                                case RecordResult.Created c -> {
                                    created.incrementAndGet();
                                    ids.put(
                                            learner.name() + "/" + attempt.idempotencyKey(),
                                            c.attempt().id());
                                }
                                case RecordResult.Duplicate d -> {
                                    duplicates.incrementAndGet();
                                    assertThat(d.attempt().id())
                                            .isEqualTo(ids.get(learner.name() + "/" + attempt.idempotencyKey()));
                                }
                                case RecordResult.UnknownCheck u -> throw new AssertionError(u);
                                case RecordResult.Rejected r -> throw new AssertionError(r);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            start.countDown();
            for (Thread thread : running) {
                thread.join(60_000);
            }
            int retries = threads * (each / 5);
            assertThat(duplicates.get()).isEqualTo(retries);
            assertThat(created.get()).isEqualTo(threads * each - retries);
            assertThat(store.count()).isEqualTo(created.get());
            assertThat(published).hasSize(created.get());
            recorder.close();
        }
    }

    private static Attempt attempt(String key) {
        return new Attempt(
                key,
                "w01.repl-audit.money-eq",
                AttemptOutcome.PASSED,
                2,
                2,
                "",
                1,
                CheckRuntime.GRAALPY,
                Instant.now(),
                Optional.empty(),
                Optional.empty());
    }
}
