package dev.pymastery.server;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.server.store.Database;
import java.nio.file.Path;
import java.time.Instant;
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

    public static String attempt(String checkId, String outcome, int score, int maxScore) {
        return attempt(UUID.randomUUID().toString(), checkId, outcome, score, maxScore);
    }
}
