package dev.pymastery.bench.server;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.server.store.PostgresDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./pymastery bench server}: attempts recorded per second and their latency, from a load
 * client on loopback, with SQLite and with PostgreSQL; then the cohort grid's query time for 500
 * learners × 24 weeks. The server runs in this JVM, on its default settings except the access log.
 */
public final class ServerBench {
    private static final String USAGE = """
            usage: pymastery bench server [--db sqlite|postgresql|both] [--pg-url JDBC_URL] [--seconds N]
                                          [--warmup N] [--connections N] [--cohort-learners N] [--cohort-weeks N]
            Defaults: --db both (PostgreSQL from .ci/postgres.sh via the launcher), --seconds 10, --warmup 5,
            --connections 16, --cohort-learners 500, --cohort-weeks 24.
            """;

    private record Options(
            List<String> databases,
            Optional<String> postgres,
            int seconds,
            int warmup,
            int connections,
            int cohortLearners,
            int cohortWeeks) {}

    private ServerBench() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    /** Runs the benchmark; the exit status. */
    public static int run(List<String> args) {
        try {
            Options options = parse(args);
            System.out.printf(
                    "progress server bench: %d connections, %d s warm-up + %d s measured, %d CPUs, Java %s%n",
                    options.connections(),
                    options.warmup(),
                    options.seconds(),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            List<String> lines = new ArrayList<>();
            for (String kind : options.databases()) {
                String url = database(kind, options);
                try {
                    lines.add(AttemptLoad.run(kind, url, options.seconds(), options.warmup(), options.connections()));
                } finally {
                    dropDatabase(kind, url, options);
                }
            }
            for (String kind : options.databases()) {
                String url = database(kind, options);
                try {
                    lines.add(CohortQuery.run(kind, url, options.cohortLearners(), options.cohortWeeks()));
                } finally {
                    dropDatabase(kind, url, options);
                }
            }
            System.out.println();
            lines.forEach(System.out::println);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("pymastery bench server: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        } catch (Exception e) {
            System.err.println("pymastery bench server: " + e);
            return 1;
        }
    }

    /** A course of {@code weeks} weeks with five checks each, worth 1 to 3 points. */
    static CheckCatalog catalog(int weeks) {
        List<WeekChecks> all = new ArrayList<>();
        for (int week = 1; week <= weeks; week++) {
            List<CheckSpec> checks = new ArrayList<>();
            for (int step = 1; step <= 5; step++) {
                checks.add(new CheckSpec(
                        "w%02d.lab.step%d".formatted(week, step),
                        "Week " + week + " step " + step,
                        1 + step % 3,
                        CheckRuntime.GRAALPY,
                        Duration.ofSeconds(10),
                        List.of(),
                        "assert True"));
            }
            all.add(new WeekChecks(week, "Week " + week, Path.of("bench"), checks));
        }
        return CheckCatalog.of(all);
    }

    private static String database(String kind, Options options) throws Exception {
        if (kind.equals("sqlite")) {
            Path dir = Files.createTempDirectory("pymastery-bench");
            return "jdbc:sqlite:" + dir.resolve("progress.db");
        }
        String admin =
                options.postgres().orElseThrow(() -> new IllegalArgumentException("--pg-url is needed for PostgreSQL"));
        return PostgresDatabases.create(admin, "pm_bench");
    }

    private static void dropDatabase(String kind, String url, Options options) throws Exception {
        if (kind.equals("sqlite")) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()));
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
            Files.deleteIfExists(file.getParent());
            return;
        }
        PostgresDatabases.drop(options.postgres().orElseThrow(), url);
    }

    private static Options parse(List<String> args) {
        List<String> databases = List.of("sqlite", "postgresql");
        Optional<String> postgres = Optional.ofNullable(System.getenv("PYMASTERY_BENCH_PG_URL"));
        int seconds = 10;
        int warmup = 5;
        int connections = 16;
        int cohortLearners = 500;
        int cohortWeeks = 24;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("help");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--db" ->
                    databases = switch (value) {
                        case "sqlite", "postgresql" -> List.of(value);
                        case "both" -> List.of("sqlite", "postgresql");
                        default -> throw new IllegalArgumentException("--db is sqlite, postgresql or both");
                    };
                case "--pg-url" -> postgres = Optional.of(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--cohort-learners" -> cohortLearners = Integer.parseInt(value);
                case "--cohort-weeks" -> cohortWeeks = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (databases.contains("postgresql") && postgres.isEmpty()) {
            throw new IllegalArgumentException("PostgreSQL needs --pg-url (./pymastery bench server starts one)");
        }
        return new Options(databases, postgres, seconds, warmup, connections, cohortLearners, cohortWeeks);
    }
}
