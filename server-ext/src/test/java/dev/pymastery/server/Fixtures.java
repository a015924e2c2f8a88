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
}
