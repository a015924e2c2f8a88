package dev.pymastery.server.cli;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.Track;
import dev.pymastery.progress.client.ProgressSettings;
import dev.pymastery.server.ProgressServer;
import dev.pymastery.server.ServerSettings;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.people.Tokens;
import dev.pymastery.server.store.Database;
import dev.pymastery.server.store.PeopleStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./pymastery server ...}: run the service, manage people and tokens. Exit code 0 on success,
 * 1 on failure (message on stderr), 2 on wrong usage.
 */
public final class ServerCli {
    static final String USAGE = """
            usage: pymastery server [run] [--host HOST] [--port PORT] [--db JDBC_URL] [--catalog DIR]
                                          [--no-access-log] [--port-file FILE]
                   pymastery server add-learner NAME [--db JDBC_URL]      print a new learner's token
                   pymastery server add-instructor NAME [--db JDBC_URL]   print a new instructor's token
                   pymastery server token NAME [--db JDBC_URL]            print another token for NAME
                   pymastery server revoke NAME [--db JDBC_URL]           revoke every token of NAME
                   pymastery server list [--db JDBC_URL]                  list people and roles
                   pymastery server ensure-local-learner [--db JDBC_URL] [--name NAME] [--token-file FILE]
                                          make sure this OS user is a learner with a token in
                                          $XDG_CONFIG_HOME/pymastery/token (mode 0600)
                   pymastery server jupyter-proxy-config --config-dir DIR [--port PORT] [--with-command]
                                          write the jupyter-server-proxy entry that serves the
                                          dashboard at /pymastery/ under Jupyter (DIR: a Jupyter
                                          config folder, e.g. ~/.jupyter or $PREFIX/etc/jupyter)
                   pymastery server regrade CHECK [--db JDBC_URL] [--catalog DIR]
                                          verify every stored submission of CHECK again with the
                                          catalog's tests as they are now; prints what changed
                   pymastery server publish WEEK --at DATETIME [--due DATETIME] [--from DIR]
                                          store the learner version of WEEK (./pymastery release;
                                          --from: a folder it wrote) for learners from --at on
                   pymastery server schedule                              the published weeks
                   pymastery server extend LEARNER WEEK --until DATETIME --reason TEXT
                   pymastery server import-roster FILE.csv --tokens-out FILE
                                          add everyone of a roster (columns name[,role]); their
                                          tokens go to FILE (0600; '-' prints them)
                   pymastery server void|restore ATTEMPT_ID --reason TEXT
                   pymastery server override LEARNER CHECK_ID SCORE|none --reason TEXT
                   pymastery server feedback LEARNER LAB TEXT|--file FILE  e.g. LAB w01.repl-audit
                   pymastery server gradebook [--format csv|json] [--out FILE]
                   pymastery server audit [--learner NAME] [--limit N]
                   DATETIME: now, 2026-01-12T09:00:00+01:00, or 2026-01-12T09:00 / 2026-01-12 (local)
            Defaults: --host 127.0.0.1, --port 8765, --db jdbc:sqlite:$XDG_DATA_HOME/pymastery/progress.db,
            --catalog notebooks; the same settings come from PYMASTERY_SERVER_HOST, PYMASTERY_SERVER_PORT,
            PYMASTERY_DATABASE_URL, PYMASTERY_CATALOG.
            """;
    private static final Set<String> VALUED = Set.of(
            "--host",
            "--port",
            "--db",
            "--catalog",
            "--port-file",
            "--name",
            "--token-file",
            "--config-dir",
            "--at",
            "--due",
            "--from",
            "--until",
            "--reason",
            "--tokens-out",
            "--format",
            "--out",
            "--learner",
            "--limit",
            "--file");
    private static final Set<String> SWITCHES = Set.of("--no-access-log", "--with-command");

    private final Map<String, String> env;
    private final PrintStream out;

    ServerCli(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    public static void main(String[] argv) {
        List<String> args = Arrays.asList(argv);
        try {
            System.exit(new ServerCli(System.getenv(), System.out).run(args));
        } catch (UsageException e) {
            System.err.println("pymastery server: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("pymastery server: " + e.getMessage());
            System.exit(1);
        }
    }

    int run(List<String> argv) {
        String command = argv.isEmpty() || argv.get(0).startsWith("--") ? "run" : argv.get(0);
        List<String> rest = argv.isEmpty() || argv.get(0).startsWith("--") ? argv : argv.subList(1, argv.size());
        Args args = Args.parse(rest, VALUED, SWITCHES);
        ServerSettings settings = settings(args);
        Clock clock = Clock.systemDefaultZone();
        CourseCommands course = new CourseCommands(env, out, clock);
        ReviewCommands review = new ReviewCommands(course, out, clock);
        return switch (command) {
            case "run" -> serve(settings, args);
            case "add-learner" -> add(settings, args.single("NAME"), Role.LEARNER);
            case "add-instructor" -> add(settings, args.single("NAME"), Role.INSTRUCTOR);
            case "token" -> token(settings, args.single("NAME"));
            case "revoke" -> revoke(settings, args.single("NAME"));
            case "list" -> list(settings);
            case "ensure-local-learner" -> ensureLocalLearner(settings, args);
            case "jupyter-proxy-config" -> jupyterProxyConfig(settings, args);
            case "regrade" -> new Regrade(settings, env, out).run(args.single("CHECK"));
            case "publish" -> course.publish(settings, args);
            case "schedule" -> course.schedule(settings);
            case "extend" -> course.extend(settings, args);
            case "import-roster" -> new RosterCommand(course, out, clock).run(settings, args);
            case "void" -> review.setVoided(settings, args, true);
            case "restore" -> review.setVoided(settings, args, false);
            case "override" -> review.override(settings, args);
            case "feedback" -> review.feedback(settings, args);
            case "gradebook" -> review.gradebook(settings, args);
            case "audit" -> review.audit(settings, args);
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    private ServerSettings settings(Args args) {
        ServerSettings settings = ServerSettings.fromEnvironment(env);
        settings = settings.withHost(args.flag("--host", settings.host()));
        try {
            settings = settings.withPort(Integer.parseInt(args.flag("--port", String.valueOf(settings.port()))));
        } catch (NumberFormatException e) {
            throw new UsageException("--port needs a number");
        }
        settings = settings.withDatabaseUrl(args.flag("--db", settings.databaseUrl()));
        settings = settings.withCatalog(
                Path.of(args.flag("--catalog", settings.catalog().toString())));
        if (args.has("--no-access-log")) {
            settings = settings.withAccessLog(false);
        }
        return settings;
    }

    private int serve(ServerSettings settings, Args args) {
        if (!args.positional().isEmpty()) {
            throw new UsageException("'run' takes no arguments");
        }
        ProgressServer server = ProgressServer.create(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "pymastery-shutdown"));
        server.app().start(settings.host(), settings.port());
        int port = server.app().port();
        if (args.has("--port-file")) {
            writePrivately(Path.of(args.flag("--port-file", "")), String.valueOf(port));
        }
        CheckCatalog catalog = server.catalog();
        long weeks = catalog.weeks().stream()
                .filter(unit -> unit.track() == Track.WEEK)
                .count();
        long labs = catalog.weeks().size() - weeks;
        out.printf(
                "pymastery server: listening on http://%s:%d/ (database %s; %d checks in %d weeks%s from %s)%n",
                settings.host(),
                port,
                server.database().description(),
                catalog.all().size(),
                weeks,
                labs == 0 ? "" : " and " + labs + " track labs",
                settings.catalog().toAbsolutePath());
        out.flush();
        return waitForever();
    }

    private static int waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int add(ServerSettings settings, String name, Role role) {
        try (Database database = Database.open(settings.databaseUrl())) {
            PeopleStore people = people(database);
            Person person = people.add(name, role);
            out.println(people.issueToken(person));
            System.err.println("pymastery server: added " + role.key() + " " + name
                    + "; the token above is shown once: give it to them (PYMASTERY_TOKEN, or the dashboard's login)");
            return 0;
        }
    }

    private int token(ServerSettings settings, String name) {
        try (Database database = Database.open(settings.databaseUrl())) {
            PeopleStore people = people(database);
            Person person = people.find(name)
                    .orElseThrow(() -> new IllegalStateException("nobody is called '" + name + "'; add them first"));
            out.println(people.issueToken(person));
            return 0;
        }
    }

    private int revoke(ServerSettings settings, String name) {
        try (Database database = Database.open(settings.databaseUrl())) {
            int revoked = people(database).revoke(name);
            out.println("revoked " + revoked + " token" + (revoked == 1 ? "" : "s") + " of " + name);
            return 0;
        }
    }

    private int list(ServerSettings settings) {
        try (Database database = Database.open(settings.databaseUrl())) {
            for (Person person : people(database).list()) {
                out.println(person.name() + "\t" + person.role().key() + "\t" + person.createdAt());
            }
            return 0;
        }
    }

    private int ensureLocalLearner(ServerSettings settings, Args args) {
        String name = args.flag("--name", localName());
        Path tokenFile = Path.of(
                args.flag("--token-file", ProgressSettings.defaultTokenFile(env).toString()));
        try (Database database = Database.open(settings.databaseUrl())) {
            PeopleStore people = people(database);
            Optional<String> existing = readToken(tokenFile);
            if (existing.isPresent()
                    && people.byToken(existing.get())
                            .map(p -> p.name().equals(name))
                            .orElse(false)) {
                out.println(tokenFile);
                return 0;
            }
            Person person = people.find(name).orElseGet(() -> people.add(name, Role.LEARNER));
            writePrivately(tokenFile, people.issueToken(person) + "\n");
            out.println(tokenFile);
            return 0;
        }
    }

    private int jupyterProxyConfig(ServerSettings settings, Args args) {
        if (!args.has("--config-dir")) {
            throw new UsageException("jupyter-proxy-config needs --config-dir DIR");
        }
        List<String> command = List.of();
        if (args.has("--with-command")) {
            String launcher = env.getOrDefault("PYMASTERY_LAUNCHER", "pymastery");
            command = List.of(launcher, "server", "run", "--port", "{port}");
        }
        for (Path written :
                JupyterProxyConfig.install(Path.of(args.flag("--config-dir", "")), settings.port(), command)) {
            out.println(written);
        }
        return 0;
    }

    /** The OS user's name, made into a valid person name. */
    private String localName() {
        String user = env.getOrDefault("USER", System.getProperty("user.name", "learner"));
        String cleaned = user.replaceAll("[^A-Za-z0-9._@-]", "_");
        return cleaned.isEmpty() ? "learner" : cleaned.substring(0, Math.min(100, cleaned.length()));
    }

    private static PeopleStore people(Database database) {
        return new PeopleStore(database, new Tokens(), Clock.systemUTC());
    }

    private static Optional<String> readToken(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file).strip())
                    : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    static void writePrivately(Path file, String content) {
        PrivateFiles.write(file, content);
    }
}
