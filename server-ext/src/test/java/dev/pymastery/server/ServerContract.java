package dev.pymastery.server;

import dev.pymastery.server.people.Role;
import dev.pymastery.server.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract run on each database: a progress server on a fresh database of {@link #kind()} with a
 * learner {@code ann} and an instructor {@code teacher} (their tokens in the fields of those names).
 */
abstract class ServerContract {
    /** {@link Databases#SQLITE} or {@link Databases#POSTGRESQL}. */
    abstract String kind();

    @TempDir
    Path dir;

    ProgressServer server;
    /** The JDBC URL of the server's database, for tests that play a part of the server (verification). */
    String url;

    String ann;
    String teacher;

    @BeforeEach
    void start() {
        url = Databases.fresh(kind(), dir);
        server = ProgressServer.create(Database.open(url), Fixtures.catalog(), false);
        ann = token("ann", Role.LEARNER);
        teacher = token("teacher", Role.INSTRUCTOR);
    }

    /** Adds a person and returns a fresh token of theirs. */
    String token(String name, Role role) {
        return server.people().issueToken(server.people().add(name, role));
    }

    static String attemptWithCode(String checkId, String outcome, int score, int maxScore) {
        return Fixtures.attemptWithCode(checkId, outcome, score, maxScore);
    }

    void verifyQueued() throws InterruptedException {
        Fixtures.verifyQueued(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }
}
