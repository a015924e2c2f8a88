package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.server.people.Role;
import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Instructors' corrections and exports on each database: voiding and restoring attempts, score
 * overrides, feedback, the audit log, and the gradebook's rows and columns. {@link ReviewSqliteTest}
 * and {@link ReviewPostgresTest} run it.
 */
abstract class ReviewContract extends ServerContract {
    private static final String MONEY = "w01.repl-audit.money-eq";

    @Test
    void voidingAnAttemptRecomputesWhatCountsAndIsAudited() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            long pass = id(CourseContract.post(api, ann, MONEY, 2, Instant.now()));
            long fail = id(CourseContract.post(api, ann, MONEY, 0, Instant.now()));
            Verifications.verify(url, pass, 2, true);
            Verifications.verify(url, fail, 0, false);
            assertThat(money(api).path("points").asInt()).isEqualTo(2);
            assertThat(money(api).path("state").asString()).isEqualTo("verified");

            Api.Answer voided =
                    api.post("/api/v1/attempts/" + pass + "/void", teacher, "{\"reason\":\"copied from bob\"}");
            assertThat(voided.status()).as(voided.body()).isEqualTo(200);
            assertThat(voided.json().path("learner").asString()).isEqualTo("ann");
            assertThat(voided.json().path("voidedAt").isString()).isTrue();
            assertThat(money(api).path("points").asInt()).isZero();
            assertThat(money(api).path("state").asString()).isEqualTo("failed");
            assertThat(money(api).path("claimedPoints").asInt()).isZero();
            JsonNode listed =
                    api.get("/api/v1/learners/ann/attempts", teacher).json().path("attempts");
            assertThat(listed.get(1).path("voidedAt").isString()).isTrue();
            assertThat(listed.get(0).path("voidedAt").isNull())
                    .as(listed.toString())
                    .isTrue();

            Api.Answer again = api.post("/api/v1/attempts/" + pass + "/void", teacher, "{\"reason\":\"twice\"}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.detail()).contains("voided already");
            assertThat(api.post("/api/v1/attempts/" + pass + "/void", teacher, "{\"reason\":\" \"}")
                            .detail())
                    .contains("'reason' must not be blank");
            assertThat(api.post("/api/v1/attempts/999999/void", teacher, "{\"reason\":\"x\"}")
                            .status())
                    .isEqualTo(404);
            assertThat(api.post("/api/v1/attempts/abc/void", teacher, "{\"reason\":\"x\"}")
                            .status())
                    .isEqualTo(400);

            assertThat(api.post("/api/v1/attempts/" + pass + "/restore", teacher, "{\"reason\":\"bob copied ann\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(money(api).path("points").asInt()).isEqualTo(2);
            JsonNode audit =
                    api.get("/api/v1/audit?learner=ann", teacher).json().path("entries");
            assertThat(audit).hasSize(2);
            assertThat(audit.get(0).path("action").asString()).isEqualTo("restore");
            assertThat(audit.get(1).path("action").asString()).isEqualTo("void");
            assertThat(audit.get(1).path("reason").asString()).isEqualTo("copied from bob");
            assertThat(audit.get(1).path("target").asString()).isEqualTo("attempt " + pass);
            assertThat(audit.get(1).path("actor").asString()).isEqualTo("teacher");
        });
    }

    @Test
    void anOverrideReplacesTheVerifiedScoreUntilItIsRemoved() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            long claimed = id(CourseContract.post(api, ann, MONEY, 2, Instant.now()));
            assertThat(money(api).path("state").asString()).isEqualTo("passed-unverified");
            assertThat(money(api).path("points").asInt())
                    .as("a claim alone counts nothing")
                    .isZero();
            assertThat(money(api).path("claimedPoints").asInt()).isEqualTo(2);

            String body = "{\"checkId\":\"" + MONEY + "\",\"score\":1,\"reason\":\"half marks: works, not hashable\"}";
            assertThat(api.post("/api/v1/learners/ann/overrides", teacher, body).status())
                    .isEqualTo(200);
            JsonNode overridden = money(api);
            assertThat(overridden.path("points").asInt()).isEqualTo(1);
            assertThat(overridden.path("override").path("reason").asString())
                    .isEqualTo("half marks: works, not hashable");
            assertThat(overridden.path("override").path("setBy").asString()).isEqualTo("teacher");
            Verifications.verify(url, claimed, 2, true);
            assertThat(money(api).path("points").asInt())
                    .as("the override still wins")
                    .isEqualTo(1);

            assertThat(api.post("/api/v1/learners/ann/overrides", teacher, body.replace("\"score\":1", "\"score\":3"))
                            .detail())
                    .contains("'score' must be a whole number from 0 to 2");
            assertThat(api.post("/api/v1/learners/ann/overrides", teacher, body.replace(MONEY, "w01.repl-audit.nope"))
                            .status())
                    .isEqualTo(422);
            assertThat(api.post("/api/v1/learners/nobody/overrides", teacher, body)
                            .status())
                    .isEqualTo(404);
            assertThat(api.post(
                                    "/api/v1/learners/ann/overrides",
                                    teacher,
                                    body.replace("\"score\":1", "\"score\":null"))
                            .status())
                    .isEqualTo(200);
            assertThat(money(api).path("points").asInt()).isEqualTo(2);
            assertThat(money(api).path("override").isNull()).isTrue();
            assertThat(api.get("/api/v1/audit", teacher).json().path("entries"))
                    .extracting(e -> e.path("action").asString())
                    .containsExactly("clear-override", "override");
        });
    }

    @Test
    void feedbackIsShownToItsLearnerOnly() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            String bob = token("bob", Role.LEARNER);
            String note =
                    "{\"lab\":\"w01.repl-audit\",\"text\":\"Nice __eq__; now make it hashable, \\\"please\\\".\"}";
            assertThat(api.post("/api/v1/learners/ann/feedback", teacher, note).status())
                    .isEqualTo(200);
            JsonNode mine = api.get("/api/v1/me/feedback", ann).json().path("feedback");
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).path("lab").asString()).isEqualTo("w01.repl-audit");
            assertThat(mine.get(0).path("text").asString()).isEqualTo("Nice __eq__; now make it hashable, \"please\".");
            assertThat(mine.get(0).path("writtenBy").asString()).isEqualTo("teacher");
            assertThat(api.get("/api/v1/me/feedback", bob).json().path("feedback"))
                    .isEmpty();
            assertThat(api.get("/api/v1/learners/ann/feedback", teacher).json().path("feedback"))
                    .hasSize(1);
            assertThat(api.post("/api/v1/learners/ann/feedback", ann, note).status())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/learners/ann/feedback", teacher, note.replace("w01.repl-audit", "lab one"))
                            .detail())
                    .contains("'lab'")
                    .contains("w01.repl-audit");
            assertThat(api.post("/api/v1/learners/ann/feedback", teacher, "{\"lab\":\"w01.repl-audit\",\"text\":\"\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/me/feedback", ann).json().path("feedback"))
                    .isEmpty();
        });
    }

    @Test
    void theGradebookHasARowPerLearnerAndAColumnPerLabAndWeekWithTotals() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            String bob = token("bob", Role.LEARNER);
            token("cara", Role.LEARNER);
            Verifications.verify(url, id(CourseContract.post(api, ann, MONEY, 2, Instant.now())), 2, true);
            Verifications.verify(
                    url, id(CourseContract.post(api, ann, "w02.lazy-pipeline.gen-basic", 3, Instant.now())), 3, true);
            CourseContract.post(api, bob, "w01.repl-audit.vector-rmul", 1, Instant.now());
            Verifications.verify(
                    url, id(CourseContract.post(api, bob, "w02.lazy-pipeline.no-list", 1, Instant.now())), 1, true);

            Api.Answer csv = api.get("/api/v1/gradebook.csv", teacher);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.body().lines())
                    .containsExactly(
                            "learner,w01.repl-audit,w01,w01_late,w02.lazy-pipeline,w02,w02_late,total,max_total,late_weeks",
                            "ann,2,2,,3,3,,5,7,0",
                            "bob,0,0,,1,1,,1,7,0",
                            "cara,0,0,,0,0,,0,7,0");

            JsonNode book = api.get("/api/v1/gradebook", teacher).json();
            assertThat(book.path("maxPoints").asInt()).isEqualTo(7);
            assertThat(book.path("scheduled").asBoolean()).isFalse();
            assertThat(book.path("weeks").get(0).path("labs").get(0).path("lab").asString())
                    .isEqualTo("w01.repl-audit");
            assertThat(book.path("learners"))
                    .extracting(l -> l.path("name").asString())
                    .containsExactly("ann", "bob", "cara");
            JsonNode bobWeek1 = book.path("learners")
                    .get(1)
                    .path("weeks")
                    .get(0)
                    .path("labs")
                    .get(0);
            assertThat(bobWeek1.path("checks"))
                    .extracting(c -> c.path("state").asString())
                    .containsExactly("not-started", "passed-unverified");
            assertThat(api.get("/api/v1/gradebook?learner=cara", teacher).json().path("learners"))
                    .hasSize(1);
            assertThat(api.get("/api/v1/gradebook", ann).status()).isEqualTo(403);
        });
    }

    private JsonNode money(Api api) {
        return CourseContract.check(
                api.get("/api/v1/gradebook?learner=ann", teacher).json(), 0, MONEY);
    }

    private static long id(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }
}
