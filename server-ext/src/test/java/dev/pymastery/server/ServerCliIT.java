package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.server.store.Database;
import dev.pymastery.testkit.ProgressServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./pymastery server ...} as a process: people, tokens, revocation, the local learner. */
class ServerCliIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run cli(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProgressServerProcess.java(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.pymastery.server.cli.ServerCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out.strip(), err.strip());
    }

    @Test
    void peopleTokensAndRevocationOnTheDefaultDatabase() throws Exception {
        Run added = cli(Map.of(), "add-learner", "ann");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("pmt_").hasSize(47);
        assertThat(added.err()).contains("shown once");
        Path file = dir.resolve("data/pymastery/progress.db");
        assertThat(file).exists();

        Run again = cli(Map.of(), "add-learner", "ann");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        String second = cli(Map.of(), "token", "ann").out();
        assertThat(cli(Map.of(), "add-instructor", "teacher").exit()).isZero();
        assertThat(cli(Map.of(), "list").out()).contains("ann\tlearner").contains("teacher\tinstructor");
        assertThat(cli(Map.of(), "add-learner", "bad name!").err()).contains("a name has 1 to 100 letters");

        try (Database database = Database.open("jdbc:sqlite:" + file)) {
            var people = new dev.pymastery.server.store.PeopleStore(
                    database, new dev.pymastery.server.people.Tokens(), java.time.Clock.systemUTC());
            assertThat(people.byToken(added.out())).isPresent();
            assertThat(people.byToken(second)).isPresent();
            assertThat(cli(Map.of(), "revoke", "ann").out()).isEqualTo("revoked 2 tokens of ann");
            assertThat(people.byToken(added.out())).isEmpty();
            assertThat(people.byToken(second)).isEmpty();
        }
        Run usage = cli(Map.of(), "frobnicate");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("unknown command 'frobnicate'").contains("usage:");
    }

    @Test
    void ensureLocalLearnerWritesAPrivateTokenFileOnceAndRepairsIt() throws Exception {
        Map<String, String> env = Map.of("USER", "maria");
        Run first = cli(env, "ensure-local-learner");
        assertThat(first.exit()).as(first.err()).isZero();
        Path tokenFile = dir.resolve("config/pymastery/token");
        assertThat(first.out()).isEqualTo(tokenFile.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile.getParent())))
                .isEqualTo("rwx------");
        String token = Files.readString(tokenFile).strip();
        assertThat(token).startsWith("pmt_");

        assertThat(cli(env, "ensure-local-learner").exit()).isZero();
        assertThat(Files.readString(tokenFile).strip()).as("kept when valid").isEqualTo(token);

        assertThat(cli(env, "revoke", "maria").exit()).isZero();
        assertThat(cli(env, "ensure-local-learner").exit()).isZero();
        String renewed = Files.readString(tokenFile).strip();
        assertThat(renewed).as("replaced when revoked").isNotEqualTo(token).startsWith("pmt_");
        assertThat(cli(env, "list").out()).contains("maria\tlearner");
    }

    @Test
    void runListensAndWritesItsPort() throws Exception {
        Path portFile = dir.resolve("port");
        Process server = new ProcessBuilder(
                        ProgressServerProcess.java(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.pymastery.server.cli.ServerCli",
                        "--port",
                        "0",
                        "--port-file",
                        portFile.toString(),
                        "--db",
                        "jdbc:sqlite:" + dir.resolve("p.db"),
                        "--catalog",
                        Fixtures.catalogFolder().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(portFile) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readString(portFile).strip());
            assertThat(new Api(port).get("/healthz", null).status()).isEqualTo(200);
            String log = Files.readString(dir.resolve("server.log"));
            assertThat(log)
                    .contains("listening on http://127.0.0.1:" + port + "/")
                    .contains("4 checks in 2 weeks");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.exitValue()).as("SIGTERM runs the shutdown hook").isIn(0, 143);
    }
}
