package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.server.people.Role;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in headless Chromium on real data: the instructor's grid with a learner in each
 * state (not started, tried and failed, passed but unverified, verified), a late one, a week not
 * yet open, the Architect track's lab 1 beside week 1 (its own column, never late though week 1 is
 * due); every mark's colour in the screenshot matches its state; a live update that flashes and
 * fades; the drill-down; the learner's page with only the open week and the lab, the week's download
 * and feedback; every table with headers.
 */
class DashboardBrowserIT {
    /** The colours dashboard.css gives the four states. */
    private static final Map<String, Integer> COLOURS =
            Map.of("not-started", 0xeeeeee, "failed", 0xc62828, "passed-unverified", 0xf9a825, "verified", 0x2e7d32);

    @TempDir
    Path dir;

    @Test
    void theDashboardShowsEachStateAsTheDataSaysAndUpdatesLive() throws Exception {
        Browser.require();
        String url = Databases.fresh(Databases.SQLITE, dir);
        Path catalog = dir.resolve("catalog");
        Files.createDirectories(catalog.resolve("month1"));
        Files.createDirectories(catalog.resolve("architect"));
        for (String week : new String[] {"week01-data-model.checks.yaml", "week02-iteration.checks.yaml"}) {
            Files.copy(
                    Fixtures.catalogFolder().resolve("month1").resolve(week),
                    catalog.resolve("month1").resolve(week));
        }
        Files.writeString(catalog.resolve("architect/lab01-bytecode.checks.yaml"), """
                track: architect
                lab: 1
                title: Bytecode
                checks:
                  - {id: a01.folding.one-multiply, title: Folded, points: 2, runtime: architect, test: assert True}
                """);
        try (ProgressServer server = ProgressServer.create(
                dev.pymastery.server.store.Database.open(url),
                dev.pymastery.checks.CheckCatalog.load(catalog),
                false)) {
            String teacher = server.people().issueToken(server.people().add("teacher", Role.INSTRUCTOR));
            String ann = server.people().issueToken(server.people().add("ann", Role.LEARNER));
            String bob = server.people().issueToken(server.people().add("bob", Role.LEARNER));
            String cara = server.people().issueToken(server.people().add("cara", Role.LEARNER));
            String dan = server.people().issueToken(server.people().add("dan", Role.LEARNER));
            Instant now = Instant.now();
            Fixtures.publish(server, 1, now.minus(Duration.ofDays(1)), Optional.of(now.minus(Duration.ofHours(1))));
            Instant opens = now.plus(Duration.ofDays(2));
            Fixtures.publish(server, 2, opens, Optional.empty());
            server.app().start("127.0.0.1", 0);
            Api api = new Api(server.app().port());
            Instant onTime = now.minus(Duration.ofHours(2));
            Verifications.verify(url, post(api, ann, "w01.repl-audit.money-eq", 2, onTime), 2, true);
            post(api, ann, "w01.repl-audit.vector-rmul", 1, onTime);
            Verifications.verify(url, post(api, bob, "w01.repl-audit.money-eq", 0, onTime), 0, false);
            Verifications.verify(url, post(api, dan, "w01.repl-audit.money-eq", 2, now), 2, true);
            // After week 1's due time, and before week 2 opens: lab 1 is on neither's terms.
            Verifications.verify(url, post(api, ann, "a01.folding.one-multiply", 2, now), 2, true);
            assertThat(api.post(
                                    "/api/v1/learners/ann/feedback",
                                    teacher,
                                    "{\"lab\":\"w01.repl-audit\",\"text\":\"Equality is right; hash it too.\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.post(
                                    "/api/v1/learners/bob/extensions",
                                    teacher,
                                    "{\"week\":1,\"until\":\"" + now.plus(Duration.ofDays(1))
                                            + "\",\"reason\":\"away for a funeral\"}")
                            .status())
                    .isEqualTo(200);

            String out = Browser.node(
                    "dashboard-check.mjs",
                    dir.resolve("node.log"),
                    api.base().toString(),
                    teacher,
                    ann,
                    cara,
                    dir.toString());
            JsonNode report = Api.JSON.readTree(out);
            keepScreenshots();
            assertThat(report.has("failure"))
                    .as(report.path("failure").asString())
                    .isFalse();
            assertThat(report.path("errorsBeforeForbiddenFetch").asInt())
                    .as("browser console errors: " + report.path("errors"))
                    .isZero();

            // The grid: graded weeks only (week 2 is on the schedule, not open yet), then the track's lab 1,
            // each learner's state per check.
            assertThat(report.path("cohortUrl").asString()).endsWith("/dashboard/cohort.html");
            assertThat(report.path("status").asString())
                    .startsWith("4 learners, 2 weeks and 1 track lab, 9 points in all.")
                    .contains("Track labs are self-paced");
            assertThat(report.path("weekHeaders").get(1).asString()).isEqualTo("W01");
            assertThat(report.path("weekHeaders").get(2).asString()).startsWith("W02opens ");
            assertThat(report.path("weekHeaders").get(3).asString()).isEqualTo("A01");
            Map<String, String> expected = Map.of(
                    "ann/w01", "2/3 verified,passed-unverified",
                    "bob/w01", "0/3 failed,not-started",
                    "cara/w01", "0/3 not-started,not-started",
                    "dan/w01", "2/3late verified,not-started",
                    "ann/a01", "2/2 verified");
            assertThat(report.path("cells")).hasSize(12);
            for (JsonNode cell : report.path("cells")) {
                String unit = cell.path("unit").asString();
                String key = cell.path("learner").asString() + "/" + unit;
                String shown =
                        cell.path("text").asString() + " " + cell.path("states").asString();
                assertThat(shown)
                        .as(key)
                        .isEqualTo(expected.getOrDefault(
                                key, unit.equals("a01") ? "0/2 not-started" : "0/4 not-started,not-started"));
                assertThat(cell.path("late").asBoolean()).as(key).isEqualTo(key.equals("dan/w01"));
            }
            assertPipsHaveTheirColours(dir.resolve("cohort.png"), report.path("cohortPips"), 20);
            assertPipsHaveTheirColours(dir.resolve("cohort.png"), report.path("legendPips"), 4);
            List<String> pipStates = new ArrayList<>();
            report.path("cohortPips").forEach(p -> {
                if (p.path("learner").asString().equals("bob")
                        && p.path("unit").asString().equals("w01")) {
                    pipStates.add(p.path("state").asString());
                }
            });
            assertThat(pipStates).containsExactly("failed", "not-started");
            assertThat(report.path("cohortTables").path("withoutHeaders")).isEmpty();
            assertThat(report.path("auditActions").toString()).contains("extend", "feedback", "publish");

            // Live: cara's attempt turns her first mark red; the highlight appears and fades.
            assertThat(report.path("livePostStatus").asInt()).isEqualTo(201);
            assertThat(report.path("liveCell").path("animation").asString()).isEqualTo("flash-fade");
            assertThat(report.path("liveFadedAfterMs").asLong()).isLessThan(6_000);
            assertThat(report.path("liveShadowAfter").asString()).isIn("none", "");
            assertThat(report.path("detail").asString())
                    .contains("ann · week 1")
                    .contains("verified by the server")
                    .contains("passed, not yet verified")
                    .contains("Equality is right; hash it too.")
                    .contains("Audit log for ann");
            assertThat(report.path("detailTables").path("withoutHeaders")).isEmpty();
            assertThat(report.path("detailTables").path("count").asInt()).isGreaterThanOrEqualTo(6);
            assertThat(report.path("labDetail").asString())
                    .contains("ann · architect lab 1: Bytecode — 2 / 2")
                    .contains("Self-paced: no deadline, never late")
                    .contains("a01.folding.one-multiply");

            // The learner: only the open week and the track's lab, what counts, the download, the feedback.
            assertThat(report.path("learnerUrl").asString()).endsWith("/dashboard/me.html");
            assertThat(report.path("learnerStatus").asString()).isEqualTo("4 of 5 points");
            assertThat(report.path("learnerPending").asString()).startsWith("1 passed check(s) wait");
            assertThat(report.path("learnerWeeks")).hasSize(2);
            assertThat(report.path("learnerWeeks").get(0).path("due").asString())
                    .startsWith("Due ");
            JsonNode labSection = report.path("learnerWeeks").get(1);
            assertThat(labSection.path("unit").asString()).isEqualTo("a01");
            assertThat(labSection.path("text").asString()).startsWith("Architect lab 1: Bytecode");
            assertThat(labSection.path("due").asString()).isEqualTo("Self-paced: no deadline");
            assertThat(labSection.path("downloads").asInt())
                    .as("week 1's files are not lab 1's")
                    .isZero();
            assertThat(report.path("learnerChecks"))
                    .extracting(c ->
                            c.path("check").asString() + " " + c.path("state").asString())
                    .containsExactly(
                            "w01.repl-audit.money-eq verified",
                            "w01.repl-audit.vector-rmul passed-unverified",
                            "a01.folding.one-multiply verified");
            assertPipsHaveTheirColours(dir.resolve("learner.png"), report.path("learnerPips"), 3);
            assertThat(report.path("downloads"))
                    .extracting(d -> d.path("name").asString())
                    .containsExactly("week01-test.ipynb", "week01-test.checks.yaml");
            assertThat(report.path("download").path("status").asInt()).isEqualTo(200);
            assertThat(report.path("download").path("body").asString()).isEqualTo(Fixtures.learnerNotebook(1));
            assertThat(report.path("unpublishedDownloadStatus").asInt()).isEqualTo(404);
            assertThat(report.path("feedback").get(0).path("text").asString())
                    .contains("Equality is right; hash it too.");
            assertThat(report.path("learnerTables").path("withoutHeaders")).isEmpty();
            assertThat(report.path("learnerCohortStatus").asInt()).isEqualTo(403);
        }
    }

    /** Each mark's centre in the screenshot has its state's colour. */
    private static void assertPipsHaveTheirColours(Path png, JsonNode pips, int count) throws Exception {
        BufferedImage screenshot = ImageIO.read(png.toFile());
        assertThat(pips).hasSize(count);
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode pip : pips) {
            String state = pip.path("state").asString();
            int x = (int) pip.path("x").asDouble();
            int y = (int) pip.path("y").asDouble();
            int rgb = screenshot.getRGB(x, y) & 0xffffff;
            assertThat(close(rgb, COLOURS.get(state)))
                    .as("%s mark at (%d,%d) of %s is %06x in %s", state, x, y, pip, rgb, png.getFileName())
                    .isTrue();
            seen.merge(state, 1, Integer::sum);
        }
    }

    /** Copies the screenshots to target/dashboard-screenshots for a person to look at. */
    private void keepScreenshots() throws java.io.IOException {
        Path kept = Databases.repositoryRoot().resolve("server-ext/target/dashboard-screenshots");
        Files.createDirectories(kept);
        for (String name : new String[] {"cohort.png", "drilldown.png", "learner.png"}) {
            Path shot = dir.resolve(name);
            if (Files.exists(shot)) {
                Files.copy(shot, kept.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static boolean close(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((expected >> shift) & 0xff)) > 12) {
                return false;
            }
        }
        return true;
    }

    private static long post(Api api, String token, String check, int score, Instant at) {
        int max = check.endsWith("money-eq") || check.startsWith("a01.") ? 2 : 1;
        String body = Fixtures.attemptAt(check, score == max ? "passed" : "failed", score, max, at);
        Api.Answer answer = api.post(
                "/api/v1/attempts",
                token,
                check.startsWith("a") ? body.replace("\"runtime\":\"graalpy\"", "\"runtime\":\"architect\"") : body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }
}
