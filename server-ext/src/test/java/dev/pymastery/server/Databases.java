package dev.pymastery.server;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pymastery.server.store.PostgresDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real databases the same tests run on: a SQLite file, and a fresh database in a PostgreSQL
 * server started by {@code .ci/postgres.sh} (or named by PYMASTERY_TEST_PG_URL). Without PostgreSQL
 * the PostgreSQL runs are skipped, unless CI=true, where they fail.
 */
public final class Databases {
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";
    private static String adminUrl;

    private Databases() {}

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("pymastery.ci");
    }

    /** A JDBC URL for an empty database of {@code kind}. */
    public static String fresh(String kind, Path dir) {
        return switch (kind) {
            case SQLITE -> "jdbc:sqlite:" + dir.resolve("progress-" + UUID.randomUUID() + ".db");
            case POSTGRESQL -> freshPostgres();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String freshPostgres() {
        return PostgresDatabases.create(adminUrl(), "pm_test");
    }

    private static synchronized String adminUrl() {
        if (adminUrl != null) {
            return adminUrl;
        }
        String configured = System.getenv("PYMASTERY_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            return adminUrl = configured;
        }
        Path script = repositoryRoot().resolve(".ci/postgres.sh");
        String problem;
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "start")
                    .redirectErrorStream(false)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0 && out.startsWith("jdbc:")) {
                return adminUrl = out;
            }
            problem = script + " failed: " + err;
        } catch (IOException e) {
            problem = "cannot run " + script + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        if (ci()) {
            fail("PostgreSQL is required when CI=true: " + problem);
        }
        Assumptions.abort("PostgreSQL is not available here (" + problem + "); the PostgreSQL runs are skipped");
        throw new IllegalStateException("unreachable");
    }

    /** The checkout's root: the folder above the module that holds {@code .ci/}. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve(".ci"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException(
                    "cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return here;
    }
}
