package dev.pymastery.server;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.server.course.Publication;
import dev.pymastery.server.course.WeekFile;
import dev.pymastery.server.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The test catalog, servers on a fresh database, and attempt bodies. */
public final class Fixtures {
    private Fixtures() {}

    public static Path catalogFolder() {
        return Databases.repositoryRoot().resolve("server-ext/src/test/resources/catalog");
    }

    public static CheckCatalog catalog() {
        return CheckCatalog.load(catalogFolder());
    }

    /** A server (app not started) on a fresh database of {@code kind}. */
    public static ProgressServer server(String kind, Path dir) {
        return ProgressServer.create(Database.open(Databases.fresh(kind, dir)), catalog(), false);
    }

    public static String attempt(String key, String checkId, String outcome, int score, int maxScore) {
        return """
                {"idempotencyKey":"%s","checkId":"%s","outcome":"%s","score":%d,"maxScore":%d,
                 "message":"expected 2, got 3","durationMs":12,"runtime":"graalpy",
                 "attemptedAt":"%s","notebook":"month1/week01.ipynb","kernelId":"k-1"}""".formatted(key, checkId, outcome, score, maxScore, Instant.now());
    }

    /** A learner notebook as ./pymastery release stamps it, for week {@code week}. */
    public static String learnerNotebook(int week) {
        return """
                {"cells": [{"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": null, "outputs": [],
                  "source": ["# YOUR CODE HERE\\n", "raise NotImplementedError()"]}],
                 "metadata": {"pymastery": {"release": {"source": "month1/week%02d.ipynb", "week": %d}}},
                 "nbformat": 4, "nbformat_minor": 5}
                """.formatted(week, week);
    }

    /** Publishes {@code week} with a notebook and a checks file, as the CLI would; returns the files. */
    public static List<WeekFile> publish(ProgressServer server, int week, Instant at, Optional<Instant> due) {
        List<WeekFile> files = List.of(
                WeekFile.of(week, "week%02d-test.ipynb".formatted(week), WeekFile.Kind.NOTEBOOK, learnerNotebook(week)),
                WeekFile.of(
                        week,
                        "week%02d-test.checks.yaml".formatted(week),
                        WeekFile.Kind.CHECKS,
                        "week: %d\ntitle: Week %d\nchecks: []\n".formatted(week, week)));
        server.course().schedule().store().publish(new Publication(week, at, due, files), "test");
        return files;
    }

    /** An attempt made at {@code attemptedAt}. */
    public static String attemptAt(String checkId, String outcome, int score, int maxScore, Instant attemptedAt) {
        return attempt(checkId, outcome, score, maxScore)
                .replaceAll("\"attemptedAt\":\"[^\"]*\"", "\"attemptedAt\":\"" + attemptedAt + "\"");
    }

    public static String attempt(String checkId, String outcome, int score, int maxScore) {
        return attempt(UUID.randomUUID().toString(), checkId, outcome, score, maxScore);
    }

    /**
     * An attempt body as a kernel sends it, with code: the scripted verifier of {@link #verifyQueued(ProgressServer)}
     * passes the code {@code pass} and fails anything else.
     */
    public static String attemptWithCode(String checkId, String outcome, int score, int maxScore) {
        String attempt = Fixtures.attempt(java.util.UUID.randomUUID().toString(), checkId, outcome, score, maxScore);
        String code = outcome.equals("passed") ? "pass" : "fail";
        return attempt.substring(0, attempt.lastIndexOf('}')) + ",\"submission\":{\"cells\":[{\"code\":\"" + code
                + "\"}],\"labCells\":false}}";
    }

    /**
     * Verifies every queued attempt with a scripted verifier (the real one runs containers: see
     * ServerVerificationIT): a submission whose only cell is {@code pass} passes.
     */
    public static void verifyQueued(ProgressServer server) throws InterruptedException {
        dev.pymastery.server.store.VerificationJobs jobs = server.verificationJobs();
        try (dev.pymastery.server.verify.VerificationWorkers workers =
                new dev.pymastery.server.verify.VerificationWorkers(
                                jobs,
                                server.catalog(),
                                (check, code, job) -> code.cells().get(0).code().equals("pass")
                                        ? new dev.pymastery.server.verify.VerifyResult.Passed()
                                        : new dev.pymastery.server.verify.VerifyResult.Failed(
                                                "the scripted test failed"),
                                tools.jackson.databind.json.JsonMapper.builder().build(),
                                java.time.Duration.ofMillis(10))
                        .start(1)) {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (jobs.depth().queued() + jobs.depth().running() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the queue did not empty: " + jobs.depth());
                }
                Thread.sleep(10);
            }
        }
    }

    /** The scripted verifier's code for an outcome: {@code pass} passes. */
    public static dev.pymastery.progress.client.Submission code(boolean passes) {
        return new dev.pymastery.progress.client.Submission(
                java.util.List.of(new dev.pymastery.progress.client.Submission.Cell(
                        java.util.Optional.empty(), passes ? "pass" : "fail")),
                java.util.Map.of(),
                false);
    }
}
