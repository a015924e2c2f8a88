package dev.pymastery.bench.server;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.AttemptOutcome;
import dev.pymastery.server.ProgressServer;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.store.Database;
import dev.pymastery.server.store.NewAttempt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Seeds learners spread over the course and times {@code GET /api/v1/cohort} as the dashboard calls it. */
final class CohortQuery {
    private CohortQuery() {}

    static String run(String kind, String url, int learners, int weeks) throws Exception {
        CheckCatalog catalog = ServerBench.catalog(weeks);
        try (ProgressServer server = ProgressServer.create(Database.open(url), catalog, false)) {
            String teacher = server.people().issueToken(server.people().add("teacher", Role.INSTRUCTOR));
            List<NewAttempt> batch = new ArrayList<>();
            long seeded = 0;
            for (int i = 0; i < learners; i++) {
                Person learner = server.people().add("learner" + i, Role.LEARNER);
                for (CheckSpec check : catalog.all()) {
                    // Learners are spread over the course: later learners have done fewer weeks.
                    if (check.week() > weeks - (i % weeks)) {
                        continue;
                    }
                    boolean passed = (i + check.id().hashCode()) % 3 != 0;
                    batch.add(new NewAttempt(learner, attempt(check, passed)));
                    if (batch.size() == 2000) {
                        seeded += store(server, batch);
                    }
                }
            }
            seeded += store(server, batch);
            server.app().start("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.app().port() + "/api/v1/cohort"))
                    .header("Authorization", "Bearer " + teacher)
                    .build();
            int size = 0;
            for (int i = 0; i < 5; i++) {
                size = http.send(request, HttpResponse.BodyHandlers.ofString())
                        .body()
                        .length();
            }
            long[] times = new long[20];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                times[i] = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("cohort answered " + response.statusCode());
                }
            }
            Arrays.sort(times);
            return String.format(
                    "| %-10s | cohort grid, %d learners × %d weeks (%,d check results, %,d bytes of JSON) | median %6.1f ms | max %6.1f ms |",
                    kind, learners, weeks, seeded, size, times[times.length / 2] / 1e6, times[times.length - 1] / 1e6);
        }
    }

    private static int store(ProgressServer server, List<NewAttempt> batch) {
        int size = batch.size();
        if (size > 0) {
            server.attempts().record(List.copyOf(batch));
            batch.clear();
        }
        return size;
    }

    private static Attempt attempt(CheckSpec check, boolean passed) {
        return new Attempt(
                UUID.randomUUID().toString(),
                check.id(),
                passed ? AttemptOutcome.PASSED : AttemptOutcome.FAILED,
                passed ? check.points() : 0,
                check.points(),
                passed ? "" : "expected 2, got 3",
                40,
                CheckRuntime.GRAALPY,
                Instant.now(),
                Optional.empty(),
                Optional.empty());
    }
}
