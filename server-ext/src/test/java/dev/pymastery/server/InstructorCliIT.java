package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.server.people.Tokens;
import dev.pymastery.server.store.Database;
import dev.pymastery.server.store.PeopleStore;
import dev.pymastery.testkit.ProgressServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor's commands as processes on one SQLite file: publish from a release folder,
 * schedule, a 500-learner roster import (timed; tokens in a 0600 file), extend, void, override,
 * feedback, gradebook and audit.
 */
class InstructorCliIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProgressServerProcess.java(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.pymastery.server.cli.ServerCli"));
        command.addAll(List.of(args));
        command.addAll(List.of(
                "--db",
                "jdbc:sqlite:" + dir.resolve("p.db"),
                "--catalog",
                Fixtures.catalogFolder().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("USER", "prof");
        builder.environment().put("TZ", "Europe/Berlin");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out.strip(), err.strip());
    }

    private Path release(int week, String notebook) throws Exception {
        Path out = Files.createDirectories(dir.resolve("release" + week + "/month1"));
        Files.writeString(out.resolve("week%02d-data-model.ipynb".formatted(week)), notebook);
        Files.copy(
                Fixtures.catalogFolder().resolve("month1/week01-data-model.checks.yaml"),
                out.resolve("week01-data-model.checks.yaml"));
        return dir.resolve("release" + week);
    }

    @Test
    void publishStoresTheReleasedLearnerVersionOnly() throws Exception {
        Path unstamped = Files.createDirectories(dir.resolve("instructor/month1"));
        Files.writeString(
                unstamped.resolve("week01-data-model.ipynb"), "{\"cells\":[],\"metadata\":{},\"nbformat\":4}");
        Run refused = cli(
                "publish",
                "1",
                "--at",
                "now",
                "--from",
                dir.resolve("instructor").toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("is not a learner version", "never an instructor notebook");

        Path released = release(1, Fixtures.learnerNotebook(1));
        Path checks = released.resolve("month1/week01-data-model.checks.yaml");
        String learnerChecks = Files.readString(checks);
        Files.writeString(
                checks,
                learnerChecks.replaceFirst("    test: \\|\n", "    hidden: |\n      assert True\n    test: |\n"));
        Run withHidden = cli("publish", "1", "--at", "now", "--from", released.toString());
        assertThat(withHidden.exit()).isEqualTo(1);
        assertThat(withHidden.err()).contains("holds hidden tests", "instructor's checks file");
        Files.writeString(checks, learnerChecks);
        Run published = cli(
                "publish", "week01", "--at", "2026-01-12T09:00", "--due", "2026-01-19", "--from", released.toString());
        assertThat(published.exit()).as(published.err()).isZero();
        assertThat(published.out())
                .contains("published week 1 (Syntax, Values, Names, and the Data Model)")
                .contains("learners see it from 2026-01-12T08:00:00Z (Mon 2026-01-12 09:00 CET)")
                .contains("due 2026-01-18T23:00:00Z")
                .contains("notebook week01-data-model.ipynb", "checks week01-data-model.checks.yaml");
        assertThat(cli("schedule").out()).contains("week  1  open since 2026-01-12T08:00:00Z");

        Run dueFirst = cli("publish", "1", "--at", "2026-01-12", "--due", "2026-01-01", "--from", released.toString());
        assertThat(dueFirst.exit()).isEqualTo(2);
        assertThat(dueFirst.err()).contains("before --at");
        Run notInCatalog = cli(
                "publish",
                "9",
                "--at",
                "now",
                "--from",
                release(9, Fixtures.learnerNotebook(9)).toString());
        assertThat(notInCatalog.exit()).isEqualTo(1);
        assertThat(notInCatalog.err()).contains("has no week 9");
        assertThat(cli("publish", "1", "--at", "tomorrow", "--from", released.toString())
                        .err())
                .contains("--at takes 'now'");
    }

    @Test
    void aRosterOfFiveHundredImportsInOneCommandWithPrivateTokens() throws Exception {
        StringBuilder roster = new StringBuilder("Name,Email,Role\n");
        for (int i = 0; i < 500; i++) {
            roster.append("learner").append(i).append(",l").append(i).append("@example.org,learner\n");
        }
        roster.append("prof2,p@example.org,instructor\n");
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, roster);
        Path tokens = dir.resolve("private/tokens.csv");

        long start = System.nanoTime();
        Run imported = cli("import-roster", file.toString(), "--tokens-out", tokens.toString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).as("tokens never reach the terminal unasked").isEmpty();
        assertThat(imported.err()).contains("501 added, 0 already there", "mode 0600");
        System.out.println("import-roster of 501 people: " + ms + " ms for the whole command; " + imported.err());
        assertThat(ms).as("hundreds of learners in seconds").isLessThan(20_000);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)))
                .isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(tokens);
        assertThat(lines).hasSize(502).first().isEqualTo("name,role,token");
        assertThat(lines.get(501)).startsWith("prof2,instructor,pmt_");
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("p.db"))) {
            PeopleStore people = new PeopleStore(database, new Tokens(), Clock.systemUTC());
            assertThat(people.byToken(lines.get(1).split(",")[2]))
                    .map(p -> p.name())
                    .contains("learner0");
            assertThat(people.list()).hasSize(501);
        }

        Run again = cli("import-roster", file.toString(), "--tokens-out", tokens.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists", "not replaced");
        Run twice = cli(
                "import-roster",
                file.toString(),
                "--tokens-out",
                dir.resolve("second.csv").toString());
        assertThat(twice.err()).contains("0 added, 501 already there");
        Files.writeString(file, "name\nok\nnot ok\n");
        Run bad = cli(
                "import-roster",
                file.toString(),
                "--tokens-out",
                dir.resolve("third.csv").toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("line 3: a name has", "nobody was imported");
        assertThat(dir.resolve("third.csv")).doesNotExist();
    }

    @Test
    void correctionsAreAuditedWithTheOsUserAndTheGradebookExports() throws Exception {
        Files.writeString(dir.resolve("r.csv"), "name\nann\n");
        assertThat(cli("import-roster", dir.resolve("r.csv").toString(), "--tokens-out", "-")
                        .out())
                .startsWith("name,role,token\nann,learner,pmt_");
        Run extended = cli("extend", "ann", "1", "--until", "2026-02-01T12:00:00Z", "--reason", "illness");
        assertThat(extended.exit()).as(extended.err()).isZero();
        assertThat(extended.out()).contains("ann has until 2026-02-01T12:00:00Z", "for week 1");
        assertThat(cli("extend", "ann", "1", "--until", "2026-02-01").err()).contains("--reason");
        assertThat(cli("override", "ann", "w01.repl-audit.money-eq", "2", "--reason", "oral exam")
                        .out())
                .contains("ann gets 2/2 on w01.repl-audit.money-eq (override)");
        assertThat(cli("override", "ann", "w01.repl-audit.money-eq", "5", "--reason", "x")
                        .err())
                .contains("0..2 or none");
        assertThat(cli("feedback", "ann", "w01.repl-audit", "Good start").out()).contains("stored");
        assertThat(cli("void", "42", "--reason", "x").err()).contains("there is no attempt 42");
        assertThat(cli("gradebook").out().lines())
                .containsExactly(
                        "learner,w01.repl-audit,w01,w01_late,w02.lazy-pipeline,w02,w02_late,total,max_total,late_weeks",
                        "ann,2,2,,0,0,,2,7,0");
        assertThat(cli("gradebook", "--format", "json").out()).contains("\"reason\" : \"oral exam\"");
        List<String> audit = cli("audit").out().lines().toList();
        assertThat(audit).hasSize(4);
        assertThat(audit.get(0)).contains("cli:prof\tfeedback\tann\tw01.repl-audit");
        assertThat(audit.get(1)).contains("cli:prof\toverride\tann\tw01.repl-audit.money-eq\toral exam");
        assertThat(audit.get(2)).contains("cli:prof\textend\tann\tweek 1\tillness");
        assertThat(audit.get(3)).contains("cli:prof\timport-roster\t-\t1 people");
    }
}
