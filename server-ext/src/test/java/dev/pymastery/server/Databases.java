package dev.pymastery.server;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pymastery.server.store.PostgresDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The real databases the same tests run on: a SQLite file, and a fresh database in a PostgreSQL
 * server started by {@code .ci/postgres.sh} (or named by PYMASTERY_TEST_PG_URL). Without PostgreSQL
 * the PostgreSQL runs are skipped, unless CI=true, where they fail. PostgreSQL databases are named
 * after the test JVM ({@code pm_test_PID_...}) and dropped when it exits; ones a killed run left
 * behind are dropped by the next run.
 */
public final class Databases {
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";
    private static final String PREFIX = "pm_test_";
    private static final Pattern NAMED_AFTER_A_PROCESS = Pattern.compile(PREFIX + "(\\d+)_[0-9a-f]+");
    private static final List<String> created = new ArrayList<>();
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

    private static synchronized String freshPostgres() {
        String admin = adminUrl();
        if (created.isEmpty()) {
            dropLeftovers(admin);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropCreated(admin), "drop-test-databases"));
        }
        String url =
                PostgresDatabases.create(admin, PREFIX + ProcessHandle.current().pid());
        created.add(url);
        return url;
    }

    private static synchronized void dropCreated(String admin) {
        for (String url : created) {
            dropQuietly(admin, url);
        }
    }

    /**
     * Drops the test databases of runs that are over: named after a process that is gone, or (older
     * names without a process id) with nobody connected.
     */
    private static void dropLeftovers(String admin) {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(admin);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT datname FROM pg_database d WHERE datname LIKE '"
                        + PREFIX.replace("_", "\\_") + "%'"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            System.err.println("could not list earlier test databases: " + e.getMessage());
            return;
        }
        for (String name : names) {
            Matcher pid = NAMED_AFTER_A_PROCESS.matcher(name);
            boolean running = pid.matches()
                    && ProcessHandle.of(Long.parseLong(pid.group(1)))
                            .map(ProcessHandle::isAlive)
                            .orElse(false);
            if (!running) {
                dropQuietly(admin, PostgresDatabases.url(admin, name));
            }
        }
    }

    private static void dropQuietly(String admin, String url) {
        try {
            PostgresDatabases.drop(admin, url);
        } catch (RuntimeException e) {
            System.err.println("could not drop the test database " + url + ": " + e.getMessage());
        }
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
