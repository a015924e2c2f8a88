package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.server.people.Role;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in headless Chromium on real data: the instructor's grid (its screenshot's cell
 * colours match the seeded points), a live update over SSE, the drill-down, and the learner's page.
 */
class DashboardBrowserIT {
    /** The colours dashboard.css gives full, partial and empty weeks. */
    private static final Map<String, Integer> COLOURS = Map.of("full", 0x2e7d32, "partial", 0xf9a825, "none", 0xeeeeee);

    @TempDir
    Path dir;

    @Test
    void theDashboardShowsRealDataAndUpdatesLive() throws Exception {
        Browser.require();
        try (ProgressServer server = Fixtures.server(Databases.SQLITE, dir)) {
            String teacher = server.people().issueToken(server.people().add("teacher", Role.INSTRUCTOR));
            String ann = server.people().issueToken(server.people().add("ann", Role.LEARNER));
            String bob = server.people().issueToken(server.people().add("bob", Role.LEARNER));
            String cara = server.people().issueToken(server.people().add("cara", Role.LEARNER));
            server.app().start("127.0.0.1", 0);
            Api api = new Api(server.app().port());
            post(api, ann, "w01.repl-audit.money-eq", 2, 2);
            post(api, ann, "w01.repl-audit.vector-rmul", 1, 1);
            post(api, bob, "w01.repl-audit.vector-rmul", 1, 1);
            post(api, bob, "w02.lazy-pipeline.gen-basic", 3, 3);
            post(api, bob, "w02.lazy-pipeline.no-list", 1, 1);

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
            assertThat(report.path("cohortUrl").asString()).endsWith("/dashboard/cohort.html");
            assertThat(report.path("status").asString()).startsWith("3 learners, 2 weeks, 7 points");

            Map<String, String> expected = Map.of(
                    "ann/1",
                    "3/3 full",
                    "ann/2",
                    "0/4 none",
                    "bob/1",
                    "1/3 partial",
                    "bob/2",
                    "4/4 full",
                    "cara/1",
                    "0/3 none",
                    "cara/2",
                    "0/4 none");
            BufferedImage screenshot = ImageIO.read(dir.resolve("cohort.png").toFile());
            assertThat(report.path("cells")).hasSize(6);
            for (JsonNode cell : report.path("cells")) {
                String key = cell.path("learner").asString() + "/"
                        + cell.path("week").asInt();
                String want = expected.get(key);
                assertThat(cell.path("text").asString() + " "
                                + cell.path("level").asString())
                        .as(key)
                        .isEqualTo(want);
                int x = (int) (cell.path("x").asDouble() + 3);
                int y = (int) (cell.path("y").asDouble() + cell.path("height").asDouble() / 2);
                int rgb = screenshot.getRGB(x, y) & 0xffffff;
                assertThat(close(rgb, COLOURS.get(want.split(" ")[1])))
                        .as("%s at (%d,%d) is %06x in the screenshot, expected %s", key, x, y, rgb, want)
                        .isTrue();
            }

            assertThat(report.path("livePostStatus").asInt()).isEqualTo(201);
            assertThat(report.path("liveCell").path("text").asString()).isEqualTo("2/4");
            assertThat(report.path("liveCell").path("level").asString()).contains("partial");
            assertThat(report.path("detail").asString())
                    .contains("cara · week 2")
                    .contains("The pipeline is a generator")
                    .contains("pipeline returned a list");

            assertThat(report.path("learnerUrl").asString()).endsWith("/dashboard/me.html");
            assertThat(report.path("learnerStatus").asString()).isEqualTo("3 of 7 points");
            assertThat(report.path("learnerWeeks").get(0).path("points").asInt())
                    .isEqualTo(3);
            assertThat(report.path("learnerCohortStatus").asInt()).isEqualTo(403);
        }
    }

    /** Copies the screenshots to target/dashboard-screenshots for a person to look at. */
    private void keepScreenshots() throws java.io.IOException {
        Path kept = Databases.repositoryRoot().resolve("server-ext/target/dashboard-screenshots");
        java.nio.file.Files.createDirectories(kept);
        for (String name : new String[] {"cohort.png", "drilldown.png", "learner.png"}) {
            Path shot = dir.resolve(name);
            if (java.nio.file.Files.exists(shot)) {
                java.nio.file.Files.copy(shot, kept.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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

    private static void post(Api api, String token, String check, int score, int max) {
        String body =
                Fixtures.attempt(UUID.randomUUID().toString(), check, score == max ? "passed" : "failed", score, max);
        assertThat(api.post("/api/v1/attempts", token, body).status()).isEqualTo(201);
    }
}
