package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.server.course.WeekFile;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.store.Database;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Publishing and deadlines on each database: what learners see and may attempt with and without a
 * schedule, the downloads, the 422s for attempts before a week's publication, and the late flag as
 * deadlines and extensions change; a track's lab beside the week of its number is never on the
 * schedule. {@link CourseSqliteTest} and {@link CoursePostgresTest} run it.
 */
abstract class CourseContract extends ServerContract {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void withoutAScheduleEveryWeekIsOpenAndNothingIsLate() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            JsonNode weeks = api.get("/api/v1/weeks", ann).json();
            assertThat(weeks.path("scheduled").asBoolean()).isFalse();
            assertThat(weeks.path("weeks")).isEmpty();
            Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
            assertThat(post(api, ann, "w01.repl-audit.money-eq", 2, longAgo).status())
                    .isEqualTo(201);
            assertThat(post(api, ann, "w02.lazy-pipeline.no-list", 1, NOW).status())
                    .isEqualTo(201);
            assertThat(api.get("/api/v1/me/progress", ann).json().path("weeks")).hasSize(2);
            assertThat(api.get("/api/v1/me/attempts", ann).json().path("attempts"))
                    .allSatisfy(a -> assertThat(a.path("late").asBoolean()).isFalse());
            Api.Answer file = api.get("/api/v1/weeks/1/files/week01-test.ipynb", ann);
            assertThat(file.status()).isEqualTo(404);
            assertThat(file.detail()).contains("publishes no weeks");
        });
    }

    @Test
    void learnersSeeAndAttemptOnlyPublishedWeeksFromTheirPublicationOn() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            Instant published = NOW.minus(Duration.ofHours(1));
            List<WeekFile> files = Fixtures.publish(server, 1, published, Optional.empty());

            Api.Answer unpublished = post(api, ann, "w02.lazy-pipeline.no-list", 1, NOW);
            assertThat(unpublished.status()).isEqualTo(422);
            assertThat(unpublished.detail()).contains("week 2 is not published");
            Api.Answer early = post(api, ann, "w01.repl-audit.money-eq", 2, published.minusSeconds(60));
            assertThat(early.status()).isEqualTo(422);
            assertThat(early.detail())
                    .contains("is before week 1 was published (" + published + ")")
                    .contains("clock");
            assertThat(server.attempts().count()).isZero();
            assertThat(post(api, ann, "w01.repl-audit.money-eq", 2, NOW).status())
                    .isEqualTo(201);

            Fixtures.publish(server, 2, NOW.plus(Duration.ofDays(1)), Optional.of(NOW.plus(Duration.ofDays(8))));
            assertThat(post(api, ann, "w02.lazy-pipeline.no-list", 1, NOW).detail())
                    .contains("before week 2 was published");
            assertThat(post(api, teacher, "w02.lazy-pipeline.no-list", 1, NOW).status())
                    .as("instructors try weeks out before publishing them")
                    .isEqualTo(201);

            JsonNode learnerWeeks = api.get("/api/v1/weeks", ann).json();
            assertThat(learnerWeeks.path("scheduled").asBoolean()).isTrue();
            assertThat(learnerWeeks.path("weeks")).hasSize(1);
            JsonNode week1 = learnerWeeks.path("weeks").get(0);
            assertThat(week1.path("title").asString()).isEqualTo("Syntax, Values, Names, and the Data Model");
            assertThat(week1.path("open").asBoolean()).isTrue();
            assertThat(week1.path("dueAt").isNull()).isTrue();
            assertThat(week1.path("files")).hasSize(2);
            JsonNode notebook = week1.path("files").get(0);
            assertThat(notebook.path("kind").asString()).isEqualTo("notebook");
            assertThat(notebook.path("sha256").asString())
                    .isEqualTo(files.get(0).sha256());
            assertThat(notebook.path("url").asString()).isEqualTo("api/v1/weeks/1/files/week01-test.ipynb");

            Api.Answer download =
                    api.get("/api/v1/" + notebook.path("url").asString().substring(7), ann);
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.contentType()).startsWith("application/x-ipynb+json");
            assertThat(download.body()).isEqualTo(files.get(0).content());
            assertThat(api.get("/api/v1/weeks/1/files/week01-test.checks.yaml", ann)
                            .contentType())
                    .startsWith("application/yaml");
            assertThat(api.get("/api/v1/weeks/1/files/nope.ipynb", ann).status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/weeks/2/files/week02-test.ipynb", ann).status())
                    .as("not open yet")
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/weeks/x/files/a.ipynb", ann).status()).isEqualTo(400);

            JsonNode teacherWeeks = api.get("/api/v1/weeks", teacher).json().path("weeks");
            assertThat(teacherWeeks).hasSize(2);
            assertThat(teacherWeeks.get(1).path("open").asBoolean()).isFalse();
            assertThat(api.get("/api/v1/weeks/2/files/week02-test.ipynb", teacher)
                            .status())
                    .isEqualTo(200);

            JsonNode progress = api.get("/api/v1/me/progress", ann).json();
            assertThat(progress.path("weeks")).hasSize(1);
            assertThat(progress.path("maxPoints").asInt()).isEqualTo(3);
            assertThat(api.get("/api/v1/checks", ann).json().path("weeks")).hasSize(1);
            assertThat(api.get("/api/v1/checks", teacher).json().path("weeks")).hasSize(2);
            assertThat(api.get("/api/v1/learners/ann/progress", teacher).json().path("weeks"))
                    .hasSize(2);
            assertThat(api.get("/api/v1/me/grades", ann).json().path("weeks")).hasSize(1);
        });
    }

    @Test
    void attemptsAfterTheDeadlineAreLateUntilAnExtensionCoversThem() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            String bob = token("bob", Role.LEARNER);
            Fixtures.publish(server, 1, NOW.minus(Duration.ofDays(10)), Optional.of(NOW.minus(Duration.ofDays(1))));
            long onTime = post(api, ann, "w01.repl-audit.money-eq", 0, NOW.minus(Duration.ofDays(2)))
                    .json()
                    .path("id")
                    .asLong();
            long late = post(api, ann, "w01.repl-audit.money-eq", 2, NOW)
                    .json()
                    .path("id")
                    .asLong();
            long bobLate = post(api, bob, "w01.repl-audit.vector-rmul", 1, NOW)
                    .json()
                    .path("id")
                    .asLong();
            Verifications.verify(url, onTime, 0, false);
            Verifications.verify(url, late, 2, true);
            Verifications.verify(url, bobLate, 1, true);

            JsonNode listed = api.get("/api/v1/me/attempts", ann).json().path("attempts");
            assertThat(listed.get(0).path("late").asBoolean()).isTrue();
            assertThat(listed.get(1).path("late").asBoolean()).isFalse();
            JsonNode money =
                    check(api.get("/api/v1/gradebook?learner=ann", teacher).json(), 0, "w01.repl-audit.money-eq");
            assertThat(money.path("points").asInt()).isEqualTo(2);
            assertThat(money.path("state").asString()).isEqualTo("verified");
            assertThat(money.path("late").asBoolean()).isTrue();
            assertThat(money.path("lateAttempts").asInt()).isEqualTo(1);
            assertThat(api.get("/api/v1/gradebook.csv", teacher).body().lines())
                    .contains("ann,2,2,late,2,3,1", "bob,1,1,late,1,3,1");

            Instant until = NOW.plus(Duration.ofDays(1));
            Api.Answer extended = api.post(
                    "/api/v1/learners/ann/extensions",
                    teacher,
                    "{\"week\":1,\"until\":\"" + until + "\",\"reason\":\"ill, doctor's note\"}");
            assertThat(extended.status()).as(extended.body()).isEqualTo(200);
            assertThat(extended.json().path("lateAttempts").asInt()).isZero();
            assertThat(api.get("/api/v1/me/attempts", ann)
                            .json()
                            .path("attempts")
                            .get(0)
                            .path("late")
                            .asBoolean())
                    .isFalse();
            JsonNode annWeek = api.get("/api/v1/me/grades", ann)
                    .json()
                    .path("learners")
                    .get(0)
                    .path("weeks")
                    .get(0);
            assertThat(annWeek.path("late").asBoolean()).isFalse();
            assertThat(annWeek.path("extended").asBoolean()).isTrue();
            assertThat(Instant.parse(annWeek.path("deadline").asString())).isEqualTo(until);
            JsonNode weeks = api.get("/api/v1/weeks", ann).json().path("weeks").get(0);
            assertThat(weeks.path("extended").asBoolean()).isTrue();
            assertThat(api.get("/api/v1/gradebook.csv", teacher).body().lines())
                    .contains("ann,2,2,,2,3,0", "bob,1,1,late,1,3,1");
            assertThat(api.post(
                                    "/api/v1/learners/ann/extensions",
                                    teacher,
                                    "{\"week\":1,\"until\":\"soon\",\"reason\":\"x\"}")
                            .detail())
                    .contains("RFC 3339");
            assertThat(api.post("/api/v1/learners/ann/extensions", teacher, "{\"week\":1,\"until\":\"" + until + "\"}")
                            .detail())
                    .contains("'reason' is missing");

            Fixtures.publish(server, 1, NOW.minus(Duration.ofDays(10)), Optional.empty());
            assertThat(api.get("/api/v1/learners/bob/attempts", teacher)
                            .json()
                            .path("attempts")
                            .get(0)
                            .path("late")
                            .asBoolean())
                    .as("no due time: nothing is late")
                    .isFalse();
            JsonNode audit = api.get("/api/v1/audit", teacher).json().path("entries");
            assertThat(audit).extracting(e -> e.path("action").asString()).startsWith("publish", "extend", "publish");
            JsonNode extension = audit.get(1);
            assertThat(extension.path("actor").asString()).isEqualTo("teacher");
            assertThat(extension.path("learner").asString()).isEqualTo("ann");
            assertThat(extension.path("reason").asString()).isEqualTo("ill, doctor's note");
            assertThat(api.get("/api/v1/audit?learner=bob", teacher).json().path("entries"))
                    .isEmpty();
        });
    }

    @Test
    void aTracksLabIsNeverOnTheScheduleThoughAWeekOfItsNumberIs() throws Exception {
        Path catalog = dir.resolve("units");
        Files.createDirectories(catalog.resolve("month1"));
        Files.createDirectories(catalog.resolve("architect"));
        Files.writeString(catalog.resolve("month1/week03-functions.checks.yaml"), """
                week: 3
                title: Functions
                checks:
                  - {id: w03.closures.counter, title: Counter, points: 1, runtime: graalpy, test: assert True}
                """);
        Files.writeString(catalog.resolve("architect/lab03-descriptors.checks.yaml"), """
                track: architect
                lab: 3
                title: Descriptors
                checks:
                  - {id: a03.typed-field.rejects, title: Rejects, points: 2, runtime: architect, test: assert True}
                """);
        String unitsUrl = Databases.fresh(kind(), dir.resolve("units-db"));
        try (ProgressServer units = ProgressServer.create(Database.open(unitsUrl), CheckCatalog.load(catalog), false)) {
            String lea = units.people().issueToken(units.people().add("lea", Role.LEARNER));
            String ines = units.people().issueToken(units.people().add("ines", Role.INSTRUCTOR));
            JavalinTest.test(units.app(), (app, http) -> {
                Api api = new Api(app.port());
                // No schedule: the lab is open and not late.
                assertThat(lab(api, lea, NOW.minus(Duration.ofDays(30))).status())
                        .isEqualTo(201);

                // Week 3 on the schedule, not open yet: the week is refused, lab 3 is not.
                Fixtures.publish(units, 3, NOW.plus(Duration.ofDays(1)), Optional.empty());
                assertThat(post(api, lea, "w03.closures.counter", 1, NOW).detail())
                        .contains("before week 3 was published");
                assertThat(lab(api, lea, NOW).status()).isEqualTo(201);
                assertThat(api.get("/api/v1/me/progress", lea).json().path("weeks"))
                        .extracting(w -> w.path("unit").asString())
                        .containsExactly("a03");
                assertThat(api.get("/api/v1/checks", lea).json().path("weeks"))
                        .extracting(w -> w.path("label").asString())
                        .containsExactly("Architect lab 3");
                assertThat(api.get("/api/v1/me/grades", lea).json().path("weeks"))
                        .extracting(w -> w.path("unit").asString())
                        .containsExactly("a03");

                // Week 3 published in the past and due yesterday: lab 3 takes neither time.
                Fixtures.publish(units, 3, NOW.minus(Duration.ofDays(10)), Optional.of(NOW.minus(Duration.ofDays(1))));
                Api.Answer labAttempt = lab(api, lea, NOW);
                assertThat(labAttempt.status()).as(labAttempt.body()).isEqualTo(201);
                Verifications.verify(unitsUrl, labAttempt.json().path("id").asLong(), 2, true);
                Api.Answer weekAttempt = post(api, lea, "w03.closures.counter", 1, NOW);
                assertThat(weekAttempt.status()).as(weekAttempt.body()).isEqualTo(201);
                Verifications.verify(unitsUrl, weekAttempt.json().path("id").asLong(), 1, true);
                JsonNode attempts = api.get("/api/v1/me/attempts", lea).json().path("attempts");
                assertThat(attempts)
                        .extracting(a -> a.path("checkId").asString() + " "
                                + a.path("late").asBoolean())
                        .containsExactlyInAnyOrder(
                                "w03.closures.counter true",
                                "a03.typed-field.rejects false",
                                "a03.typed-field.rejects false",
                                "a03.typed-field.rejects false");

                JsonNode book = api.get("/api/v1/gradebook", ines).json();
                assertThat(book.path("maxPoints").asInt()).isEqualTo(3);
                assertThat(book.path("weeks"))
                        .extracting(w -> w.path("unit").asString() + " "
                                + w.path("label").asString() + " "
                                + w.path("week").asInt() + " " + w.path("dueAt").isNull() + " "
                                + w.path("labs").get(0).path("lab").asString())
                        .containsExactly(
                                "w03 Week 3 3 false w03.closures", "a03 Architect lab 3 3 true a03.typed-field");
                JsonNode labCell = book.path("learners").get(0).path("weeks").get(1);
                assertThat(labCell.path("unit").asString()).isEqualTo("a03");
                assertThat(labCell.path("points").asInt()).isEqualTo(2);
                assertThat(labCell.path("late").asBoolean()).isFalse();
                assertThat(labCell.path("deadline").isNull()).isTrue();
                JsonNode weekCell = book.path("learners").get(0).path("weeks").get(0);
                assertThat(weekCell.path("unit").asString()).isEqualTo("w03");
                assertThat(weekCell.path("points").asInt()).isEqualTo(1);
                assertThat(weekCell.path("late").asBoolean()).isTrue();
                assertThat(api.get("/api/v1/gradebook.csv", ines).body().lines())
                        .containsExactly(
                                "learner,w03.closures,w03,w03_late,a03.typed-field,a03,total,max_total,late_weeks",
                                "lea,1,1,late,2,2,3,3,1");
                assertThat(api.get("/api/v1/me/grades", lea).json().path("weeks"))
                        .extracting(w -> w.path("unit").asString())
                        .containsExactly("w03", "a03");

                // An extension of week 3 re-flags week 3's attempts only; feedback may name the lab.
                assertThat(api.post(
                                        "/api/v1/learners/lea/extensions",
                                        ines,
                                        "{\"week\":3,\"until\":\"" + NOW.plus(Duration.ofDays(1))
                                                + "\",\"reason\":\"ill\"}")
                                .json()
                                .path("lateAttempts")
                                .asInt())
                        .isZero();
                assertThat(api.get("/api/v1/me/attempts", lea).json().path("attempts"))
                        .allSatisfy(a -> assertThat(a.path("late").asBoolean()).isFalse());
                assertThat(api.post(
                                        "/api/v1/learners/lea/feedback",
                                        ines,
                                        "{\"lab\":\"a03.typed-field\",\"text\":\"Good descriptor.\"}")
                                .status())
                        .isEqualTo(200);
            });
        }
    }

    /** An attempt at lab 3 of the Architect track, passing, made at {@code at}. */
    private static Api.Answer lab(Api api, String token, Instant at) {
        return api.post(
                "/api/v1/attempts",
                token,
                Fixtures.attemptAt("a03.typed-field.rejects", "passed", 2, 2, at)
                        .replace("\"runtime\":\"graalpy\"", "\"runtime\":\"architect\""));
    }

    /** The gradebook's cell for one check of the first learner, week {@code week} (0-based). */
    static JsonNode check(JsonNode gradebook, int week, String id) {
        for (JsonNode lab :
                gradebook.path("learners").get(0).path("weeks").get(week).path("labs")) {
            for (JsonNode check : lab.path("checks")) {
                if (check.path("id").asString().equals(id)) {
                    return check;
                }
            }
        }
        throw new AssertionError("no " + id + " in " + gradebook);
    }

    static Api.Answer post(Api api, String token, String check, int score, Instant at) {
        int max = check.endsWith("money-eq") ? 2 : check.endsWith("gen-basic") ? 3 : 1;
        return api.post(
                "/api/v1/attempts",
                token,
                Fixtures.attemptAt(check, score == max ? "passed" : "failed", score, max, at));
    }
}
