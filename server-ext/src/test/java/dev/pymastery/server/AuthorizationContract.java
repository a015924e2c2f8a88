package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.progress.client.AttemptJson;
import dev.pymastery.server.people.Role;
import dev.pymastery.server.store.NewAttempt;
import dev.pymastery.server.web.Access;
import dev.pymastery.server.web.Route;
import io.javalin.http.HandlerType;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix over every route in the app's table: who gets 401, 403 or an answer.
 * Learner A can neither read nor write B's records; revoked tokens fail.
 */
abstract class AuthorizationContract extends ServerContract {
    String bob;
    String revoked;
    long annAttempt;

    @BeforeEach
    void addBobAndCarl() {
        bob = token("bob", Role.LEARNER);
        revoked = token("carl", Role.LEARNER);
        assertThat(server.people().revoke("carl")).isEqualTo(1);
        // Both weeks published a day ago: every learner route has something to answer.
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        Fixtures.publish(server, 1, yesterday, Optional.empty());
        Fixtures.publish(server, 2, yesterday, Optional.empty());
        annAttempt = server.attempts()
                .record(List.of(new NewAttempt(
                        server.people().find("ann").orElseThrow(),
                        AttemptJson.read(
                                Api.JSON.readTree(Fixtures.attempt("w01.repl-audit.money-eq", "failed", 0, 2))))))
                .get(0)
                .id();
    }

    private String path(Route route, String name) {
        return route.path()
                .replace("{name}", name)
                .replace("{id}", String.valueOf(annAttempt))
                .replace("{week}", "1")
                .replace("{file}", "week01-test.ipynb");
    }

    /** A body each POST route accepts from whoever may call it. */
    private static String body(Route route) {
        String path = route.path();
        if (path.endsWith("/void") || path.endsWith("/restore")) {
            return "{\"reason\":\"authorization test\"}";
        }
        if (path.endsWith("/overrides")) {
            return "{\"checkId\":\"w01.repl-audit.money-eq\",\"score\":1,\"reason\":\"authorization test\"}";
        }
        if (path.endsWith("/feedback")) {
            return "{\"lab\":\"w01.repl-audit\",\"text\":\"Well done\"}";
        }
        if (path.endsWith("/extensions")) {
            return "{\"week\":1,\"until\":\"2030-01-01T00:00:00Z\",\"reason\":\"authorization test\"}";
        }
        return Fixtures.attempt("w01.repl-audit.money-eq", "passed", 2, 2);
    }

    private Api.Answer call(Api api, Route route, String path, String token) {
        if (route.method() == HandlerType.POST) {
            return api.post(path, token, body(route));
        }
        if (route.path().equals("/api/v1/events")) {
            // Only the status matters here: ask for JSON so a permitted stream answers and ends at once.
            return api.send(api.builder(path, token)
                    .header("Accept", "application/json")
                    .GET());
        }
        return api.get(path, token);
    }

    @Test
    void everyProtectedRouteRejectsMissingUnknownAndRevokedTokens() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            int checked = 0;
            for (Route route : server.routes()) {
                if (route.access() == Access.PUBLIC) {
                    continue;
                }
                String path = path(route, "ann");
                for (String token : new String[] {null, "pmt_not-a-token", revoked, "", "x".repeat(300)}) {
                    Api.Answer answer = call(api, route, path, token);
                    assertThat(answer.status()).as(route + " with " + token).isEqualTo(401);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                }
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(10);
        });
    }

    @Test
    void learnersSeeOnlyTheirOwnRecordsAndInstructorsSeeTheCohort() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            for (Route route : server.routes()) {
                if (route.access() == Access.PUBLIC) {
                    continue;
                }
                boolean named = route.path().contains("{name}");
                int learnerOwn = call(api, route, path(route, "ann"), ann).status();
                int instructor = call(api, route, path(route, "ann"), teacher).status();
                if (route.access() == Access.INSTRUCTOR) {
                    assertThat(learnerOwn).as("learner on " + route.path()).isEqualTo(403);
                } else {
                    assertThat(learnerOwn).as("learner on " + route.path()).isBetween(200, 201);
                }
                assertThat(instructor).as("instructor on " + route.path()).isBetween(200, 201);
                if (named) {
                    Api.Answer other = call(api, route, path(route, "bob"), ann);
                    assertThat(other.status())
                            .as("ann on " + route.path() + " of bob")
                            .isEqualTo(403);
                    assertThat(other.detail())
                            .contains(route.access() == Access.INSTRUCTOR ? "only instructors" : "only their own");
                    assertThat(call(api, route, path(route, "bob"), teacher).status())
                            .isEqualTo(200);
                }
            }
        });
    }

    @Test
    void anAttemptAlwaysBelongsToTheTokensOwner() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            String forBob =
                    Fixtures.attempt("w01.repl-audit.money-eq", "passed", 2, 2).replace("{", "{\"learner\":\"bob\",");
            assertThat(api.post("/api/v1/attempts", ann, forBob).status()).isEqualTo(400);
            api.post("/api/v1/attempts", ann, attemptWithCode("w01.repl-audit.money-eq", "passed", 2, 2));
            verifyQueued();
            assertThat(api.get("/api/v1/me/progress", ann).json().path("points").asInt())
                    .isEqualTo(2);
            assertThat(api.get("/api/v1/me/progress", bob).json().path("points").asInt())
                    .isZero();
            // the same idempotency key from two learners is two attempts
            String same = Fixtures.attempt("shared-key", "w01.repl-audit.vector-rmul", "passed", 1, 1);
            assertThat(api.post("/api/v1/attempts", ann, same).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/attempts", bob, same).status()).isEqualTo(201);
        });
    }

    @Test
    void theDashboardCookieReadsButNeverWrites() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            String cookie = "pymastery_token=" + ann;
            assertThat(api.send(api.builder("/api/v1/me", null)
                                    .header("Cookie", cookie)
                                    .GET())
                            .status())
                    .isEqualTo(200);
            assertThat(api.send(api.builder("/api/v1/attempts", null)
                                    .header("Cookie", cookie)
                                    .header("Content-Type", "application/json")
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                            Fixtures.attempt("w01.repl-audit.money-eq", "passed", 2, 2))))
                            .status())
                    .isEqualTo(401);
            assertThat(api.get("/login?token=" + revoked, null).status()).isEqualTo(303);
        });
    }

    @Test
    void eventStreamsCarryOnlyWhatTheViewerMaySee() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            try (EventStream annStream = new EventStream(api, ann);
                    EventStream teacherStream = new EventStream(api, teacher)) {
                assertThat(annStream.next(5)).isEqualTo("hello");
                assertThat(teacherStream.next(5)).isEqualTo("hello");
                api.post("/api/v1/attempts", bob, Fixtures.attempt("w02.lazy-pipeline.gen-basic", "failed", 1, 3));
                api.post("/api/v1/attempts", ann, Fixtures.attempt("w01.repl-audit.money-eq", "passed", 2, 2));
                assertThat(teacherStream.next(5))
                        .contains("\"learner\":\"bob\"")
                        .contains("\"week\":2");
                assertThat(teacherStream.next(5)).contains("\"learner\":\"ann\"");
                assertThat(annStream.next(5)).contains("\"learner\":\"ann\"");
                assertThat(annStream.next(0.5)).isNull();
            }
        });
    }
}
