package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.store.Database;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON API's contract; {@link ProgressApiSqliteTest} and {@link ProgressApiPostgresTest} run it. */
abstract class ProgressApiContract extends ServerContract {
    @Test
    void anAttemptIsStoredOnceAndARetryReturnsTheStoredOne() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            String body = Fixtures.attempt("key-1", "w01.repl-audit.money-eq", "failed", 1, 2);
            Api.Answer first = api.post("/api/v1/attempts", ann, body);
            assertThat(first.status()).isEqualTo(201);
            JsonNode stored = first.json();
            assertThat(stored.path("duplicate").asBoolean()).isFalse();
            assertThat(stored.path("learner").asString()).isEqualTo("ann");
            assertThat(stored.path("checkId").asString()).isEqualTo("w01.repl-audit.money-eq");
            assertThat(stored.path("message").asString()).isEqualTo("expected 2, got 3");
            assertThat(stored.path("notebook").asString()).isEqualTo("month1/week01.ipynb");

            Api.Answer again = api.post("/api/v1/attempts", ann, body.replace("expected 2, got 3", "changed"));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("duplicate").asBoolean()).isTrue();
            assertThat(again.json().path("id").asLong())
                    .isEqualTo(stored.path("id").asLong());
            assertThat(again.json().path("message").asString()).isEqualTo("expected 2, got 3");
            assertThat(server.attempts().count()).isEqualTo(1);

            JsonNode check = api.get("/api/v1/me/progress", ann)
                    .json()
                    .path("weeks")
                    .get(0)
                    .path("checks")
                    .get(0);
            assertThat(check.path("attempts").asInt()).isEqualTo(1);
        });
    }

    @Test
    void progressCountsTheBestVerifiedScorePerCheckAndShowsWhatWasClaimed() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            post(api, ann, "w01.repl-audit.money-eq", "failed", 1, 2);
            post(api, ann, "w01.repl-audit.money-eq", "passed", 2, 2);
            post(api, ann, "w01.repl-audit.money-eq", "error", 0, 2);
            post(api, ann, "w02.lazy-pipeline.gen-basic", "failed", 1, 3);

            JsonNode claimed = api.get("/api/v1/me/progress", ann).json();
            assertThat(claimed.path("points").asInt())
                    .as("nothing counts before the server verified it")
                    .isZero();
            assertThat(claimed.path("weeks")
                            .get(0)
                            .path("checks")
                            .get(0)
                            .path("state")
                            .asString())
                    .isEqualTo("passed-unverified");

            verifyQueued();
            Api.Answer answer = api.get("/api/v1/me/progress", ann);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode progress = answer.json();
            assertThat(progress.path("learner").asString()).isEqualTo("ann");
            assertThat(progress.path("points").asInt()).isEqualTo(2);
            assertThat(progress.path("maxPoints").asInt()).isEqualTo(7);
            JsonNode week1 = progress.path("weeks").get(0);
            assertThat(week1.path("week").asInt()).isEqualTo(1);
            assertThat(week1.path("title").asString()).isEqualTo("Syntax, Values, Names, and the Data Model");
            assertThat(week1.path("points").asInt()).isEqualTo(2);
            assertThat(week1.path("maxPoints").asInt()).isEqualTo(3);
            JsonNode money = week1.path("checks").get(0);
            assertThat(money.path("id").asString()).isEqualTo("w01.repl-audit.money-eq");
            assertThat(money.path("points").asInt()).isEqualTo(2);
            assertThat(money.path("bestOutcome").asString()).isEqualTo("passed");
            assertThat(money.path("attempts").asInt()).isEqualTo(3);
            assertThat(money.path("state").asString()).isEqualTo("verified");
            JsonNode untried = week1.path("checks").get(1);
            assertThat(untried.path("bestOutcome").isNull()).isTrue();
            assertThat(untried.path("attempts").asInt()).isZero();
            assertThat(untried.path("state").asString()).isEqualTo("not-started");
            JsonNode week2 = progress.path("weeks").get(1);
            assertThat(week2.path("points").asInt())
                    .as("a failed attempt's claimed point does not count")
                    .isZero();
            assertThat(week2.path("checks").get(0).path("state").asString()).isEqualTo("failed");
        });
    }

    @Test
    void whatAnAttemptClaimsMustFitTheCatalogAndTheClockOrItIsRefused() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            String good = Fixtures.attempt("w01.repl-audit.vector-rmul", "passed", 1, 1);
            Api.Answer inflated = api.post(
                    "/api/v1/attempts", ann, Fixtures.attempt("w01.repl-audit.vector-rmul", "passed", 1000, 1000));
            assertThat(inflated.status()).isEqualTo(422);
            assertThat(inflated.detail()).contains("'maxScore' is 1000").contains("worth 1 points");
            Api.Answer failedWithPoints =
                    api.post("/api/v1/attempts", ann, Fixtures.attempt("w01.repl-audit.money-eq", "failed", 2, 2));
            assertThat(failedWithPoints.status()).isEqualTo(422);
            assertThat(failedWithPoints.detail()).contains("does not fit the outcome 'failed'");
            Api.Answer passedWithout =
                    api.post("/api/v1/attempts", ann, Fixtures.attempt("w01.repl-audit.money-eq", "passed", 0, 2));
            assertThat(passedWithout.status()).isEqualTo(422);
            String future = good.replaceAll("\"attemptedAt\":\"[^\"]+\"", "\"attemptedAt\":\"2030-01-01T00:00:00Z\"");
            Api.Answer fromTheFuture = api.post("/api/v1/attempts", ann, future);
            assertThat(fromTheFuture.status()).isEqualTo(422);
            assertThat(fromTheFuture.detail()).contains("later than the server's clock");
            assertThat(server.attempts().count()).as("none of them stored").isZero();
            assertThat(api.post("/api/v1/attempts", ann, good).status()).isEqualTo(201);
        });
    }

    @Test
    void unknownChecksAre422AndBadFieldsAre400NamingTheField() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            Api.Answer unknown = api.post("/api/v1/attempts", ann, Fixtures.attempt("w09.nope.nope", "passed", 1, 1));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.detail()).contains("unknown check 'w09.nope.nope'");

            String good = Fixtures.attempt("w01.repl-audit.money-eq", "passed", 2, 2);
            assertThat(api.post("/api/v1/attempts", ann, good.replace("\"passed\"", "\"won\""))
                            .detail())
                    .contains("'outcome'");
            assertThat(api.post("/api/v1/attempts", ann, good.replace("\"score\":2", "\"score\":3"))
                            .detail())
                    .contains("'score'");
            assertThat(api.post("/api/v1/attempts", ann, good.replace("\"runtime\"", "\"color\":1,\"runtime\""))
                            .detail())
                    .contains("unknown field 'color'");
            assertThat(api.post("/api/v1/attempts", ann, good.replace("\"graalpy\"", "\"jython\""))
                            .detail())
                    .contains("'runtime'");
            Api.Answer badTime = api.post(
                    "/api/v1/attempts",
                    ann,
                    good.replaceAll("\"attemptedAt\":\"[^\"]*\"", "\"attemptedAt\":\"yesterday\""));
            assertThat(badTime.status()).isEqualTo(400);
            assertThat(badTime.detail()).contains("RFC 3339");
            assertThat(api.post("/api/v1/attempts", ann, "text/plain", good).status())
                    .isEqualTo(415);
            assertThat(api.post("/api/v1/attempts", ann, "[1,2]").status()).isEqualTo(400);
            String huge = good.replace("expected 2, got 3", "x".repeat(4_200_000));
            assertThat(api.post("/api/v1/attempts", ann, huge).status()).isEqualTo(413);
            String longMessage = good.replace("expected 2, got 3", "x".repeat(4_001));
            assertThat(api.post("/api/v1/attempts", ann, longMessage).detail()).contains("'message'");
            assertThat(server.attempts().count()).isZero();
        });
    }

    @Test
    void meChecksAndAttemptsListing() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            assertThat(api.get("/api/v1/me", ann).json().toString())
                    .isEqualTo("{\"name\":\"ann\",\"role\":\"learner\"}");
            assertThat(api.get("/api/v1/me", teacher).json().path("role").asString())
                    .isEqualTo("instructor");
            JsonNode weeks = api.get("/api/v1/checks", ann).json().path("weeks");
            assertThat(weeks).hasSize(2);
            assertThat(weeks.get(0).path("checks").get(0).path("id").asString()).isEqualTo("w01.repl-audit.money-eq");
            assertThat(weeks.toString()).doesNotContain("assert");

            for (int i = 0; i < 3; i++) {
                post(api, ann, "w01.repl-audit.money-eq", "failed", 0, 2);
            }
            post(api, ann, "w02.lazy-pipeline.no-list", "passed", 1, 1);
            JsonNode all = api.get("/api/v1/me/attempts", ann).json().path("attempts");
            assertThat(all).hasSize(4);
            assertThat(all.get(0).path("checkId").asString()).isEqualTo("w02.lazy-pipeline.no-list");
            assertThat(api.get("/api/v1/me/attempts?checkId=w01.repl-audit.money-eq&limit=2", ann)
                            .json()
                            .path("attempts"))
                    .hasSize(2);
            assertThat(api.get("/api/v1/me/attempts?limit=0", ann).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/me/attempts?limit=abc", ann).detail()).contains("'limit'");
        });
    }

    @Test
    void theCohortShowsEveryLearnerPerWeekAndExportsCsv() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            String bob = server.people().issueToken(server.people().add("bob", Role.LEARNER));
            post(api, ann, "w01.repl-audit.money-eq", "passed", 2, 2);
            post(api, ann, "w01.repl-audit.vector-rmul", "passed", 1, 1);
            post(api, bob, "w02.lazy-pipeline.gen-basic", "failed", 2, 3);
            verifyQueued();

            JsonNode cohort = api.get("/api/v1/cohort", teacher).json();
            assertThat(cohort.path("maxPoints").asInt()).isEqualTo(7);
            assertThat(cohort.path("weeks").get(1).path("maxPoints").asInt()).isEqualTo(4);
            JsonNode rows = cohort.path("learners");
            assertThat(rows).hasSize(2); // instructors are not learners
            assertThat(rows.get(0).path("name").asString()).isEqualTo("ann");
            assertThat(rows.get(0).path("weeks").toString()).isEqualTo("[3,0]");
            assertThat(rows.get(1).path("weeks").toString())
                    .as("bob's failed attempt claimed 2 points; none are verified")
                    .isEqualTo("[0,0]");
            assertThat(rows.get(1).path("points").asInt()).isZero();

            Api.Answer csv = api.get("/api/v1/cohort.csv", teacher);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.body().lines())
                    .hasSize(1 + 2 * 4)
                    .contains("ann,1,w01.repl-audit.money-eq,Money compares and hashes by value,2,2,passed,1,verified")
                    .contains("bob,2,w02.lazy-pipeline.gen-basic,The pipeline is a generator,0,3,failed,1,failed");

            JsonNode learners = api.get("/api/v1/learners", teacher).json().path("people");
            assertThat(learners).hasSize(3);
            assertThat(api.get("/api/v1/learners/bob/progress", teacher)
                            .json()
                            .path("points")
                            .asInt())
                    .isZero();
            assertThat(api.get("/api/v1/learners/bob/attempts", teacher).json().path("attempts"))
                    .hasSize(1);
            assertThat(api.get("/api/v1/learners/nobody/progress", teacher).status())
                    .isEqualTo(404);
        });
    }

    @Test
    void aTracksLabsAreUnitsBesideTheWeeks() throws Exception {
        Path catalog = dir.resolve("catalog");
        Files.createDirectories(catalog.resolve("architect"));
        Files.copy(
                Fixtures.catalogFolder().resolve("month1/week01-data-model.checks.yaml"),
                catalog.resolve("week01-data-model.checks.yaml"));
        Files.writeString(catalog.resolve("architect/lab01-bytecode.checks.yaml"), """
                track: architect
                lab: 1
                title: Bytecode
                checks:
                  - {id: a01.folding.one-multiply, title: Folded, points: 2, runtime: architect, test: assert True}
                """);
        String trackedUrl = Databases.fresh(kind(), dir.resolve("tracked"));
        try (ProgressServer tracked =
                ProgressServer.create(Database.open(trackedUrl), CheckCatalog.load(catalog), false)) {
            String learner = tracked.people().issueToken(tracked.people().add("lea", Role.LEARNER));
            String instructor = tracked.people().issueToken(tracked.people().add("ines", Role.INSTRUCTOR));
            JavalinTest.test(tracked.app(), (app, http) -> {
                Api api = new Api(app.port());
                Api.Answer posted = api.post(
                        "/api/v1/attempts",
                        learner,
                        Fixtures.attempt("a01.folding.one-multiply", "passed", 2, 2)
                                .replace("\"runtime\":\"graalpy\"", "\"runtime\":\"architect\""));
                assertThat(posted.status()).as(posted.body()).isEqualTo(201);
                assertThat(posted.json().path("runtime").asString()).isEqualTo("architect");
                // Only verified points count (decision 0041).
                Verifications.verify(trackedUrl, posted.json().path("id").asLong(), 2, true);

                JsonNode units = api.get("/api/v1/me/progress", learner).json().path("weeks");
                assertThat(units).hasSize(2);
                assertThat(units.get(0).path("unit").asString()).isEqualTo("w01");
                assertThat(units.get(0).path("label").asString()).isEqualTo("Week 1");
                JsonNode lab = units.get(1);
                assertThat(lab.path("unit").asString()).isEqualTo("a01");
                assertThat(lab.path("label").asString()).isEqualTo("Architect lab 1");
                assertThat(lab.path("week").asInt()).isEqualTo(1);
                assertThat(lab.path("points").asInt()).isEqualTo(2);
                assertThat(units.get(0).path("points").asInt()).isZero();

                JsonNode cohort = api.get("/api/v1/cohort", instructor).json();
                assertThat(cohort.path("weeks").get(1).path("unit").asString()).isEqualTo("a01");
                assertThat(cohort.path("learners").get(0).path("weeks").toString())
                        .isEqualTo("[0,2]");
                assertThat(api.get("/api/v1/cohort.csv", instructor).body().lines())
                        .contains("lea,a01,a01.folding.one-multiply,Folded,2,2,passed,1,verified");
                assertThat(api.get("/api/v1/checks", learner)
                                .json()
                                .path("weeks")
                                .get(1)
                                .path("label")
                                .asString())
                        .isEqualTo("Architect lab 1");
            });
        }
    }

    @Test
    void healthReadinessMetricsAndOpenApi() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            assertThat(api.get("/healthz", null).json().path("status").asString())
                    .isEqualTo("ok");
            Api.Answer ready = api.get("/readyz", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().path("database").asString()).isEqualTo(kind());
            post(api, ann, "w01.repl-audit.money-eq", "passed", 2, 2);
            String metrics = api.get("/metrics", null).body();
            assertThat(metrics)
                    .contains("pymastery_attempts_total{result=\"created\"} 1")
                    .contains(
                            "pymastery_http_requests_total{method=\"POST\",route=\"/api/v1/attempts\",status=\"201\"} 1")
                    .contains(
                            "pymastery_http_request_duration_seconds_bucket{route=\"/api/v1/attempts\",le=\"+Inf\"} 1");
            assertThat(api.get("/api/v1/openapi.json", null)
                            .json()
                            .path("openapi")
                            .asString())
                    .isEqualTo("3.1.0");
        });
    }

    private static void post(Api api, String token, String check, String outcome, int score, int max) {
        Api.Answer answer = api.post("/api/v1/attempts", token, attemptWithCode(check, outcome, score, max));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }
}
