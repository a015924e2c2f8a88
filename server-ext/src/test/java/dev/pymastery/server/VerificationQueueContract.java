package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.server.store.CheckState;
import dev.pymastery.server.store.ResultStore;
import dev.pymastery.server.store.VerificationJobs;
import dev.pymastery.server.verify.VerificationWorkers;
import dev.pymastery.server.verify.VerifyResult;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable verification queue with its workers on each database. The verification itself is a
 * scripted double here (ServerVerificationIT runs the real containers): what is under test is the
 * queue's bookkeeping: a job per attempt that brought code, a lease and retries, what counts after
 * a result, and a regrade's log.
 */
abstract class VerificationQueueContract extends ServerContract {
    private static final String CODE = ",\"submission\":{\"cells\":[{\"code\":\"x = 1\"}],\"labCells\":false}";

    private JsonNode latest(Api api) {
        return api.get("/api/v1/me/attempts", ann).json().path("attempts").get(0);
    }

    private JsonNode awaitVerified(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode attempt = latest(api);
            if (!attempt.path("verification").asString().equals("pending")) {
                return attempt;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not verified: " + latest(api));
    }

    private static String withCode(String attempt) {
        return attempt.substring(0, attempt.lastIndexOf('}')) + CODE + "}";
    }

    @Test
    void anAttemptWithCodeIsQueuedVerifiedAndOnlyThenCounts() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            assertThat(api.post(
                                    "/api/v1/attempts",
                                    ann,
                                    withCode(Fixtures.attempt("w01.repl-audit.money-eq", "passed", 2, 2)))
                            .status())
                    .isEqualTo(201);
            assertThat(latest(api).path("verification").asString()).isEqualTo("pending");
            ResultStore results = new ResultStore(server.database());
            assertThat(results.of(server.people().find("ann").orElseThrow().id()))
                    .singleElement()
                    .satisfies(r -> assertThat(r.state()).isEqualTo(CheckState.PASSED_UNVERIFIED));
            assertThat(api.get("/metrics", null).body()).contains("pymastery_verification_jobs{state=\"queued\"} 1");

            try (VerificationWorkers workers = workers((check, code, job) -> new VerifyResult.Passed())) {
                JsonNode verified = awaitVerified(api);
                assertThat(verified.path("verification").asString()).isEqualTo("verified-pass");
                assertThat(verified.path("verifiedScore").asInt()).isEqualTo(2);
            }
            assertThat(results.of(server.people().find("ann").orElseThrow().id()))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.state()).isEqualTo(CheckState.VERIFIED);
                        assertThat(r.verifiedScore()).contains(2);
                    });

            api.post("/api/v1/attempts", ann, Fixtures.attempt("w01.repl-audit.vector-rmul", "passed", 1, 1));
            assertThat(latest(api).path("verification").asString())
                    .as("no code came with it")
                    .isEqualTo("unverified");
            assertThat(server.verificationJobs().depth().queued()).isZero();
        });
    }

    @Test
    void aRuntimeThatCannotBeReachedIsTriedThreeTimesThenRecordedAsUnverified() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            api.post("/api/v1/attempts", ann, withCode(Fixtures.attempt("w01.repl-audit.money-eq", "passed", 2, 2)));
            AtomicInteger tries = new AtomicInteger();
            try (VerificationWorkers workers = workers((check, code, job) -> {
                tries.incrementAndGet();
                return new VerifyResult.Unverifiable("no container engine answers", true);
            })) {
                JsonNode attempt = awaitVerified(api);
                assertThat(attempt.path("verification").asString()).isEqualTo("unverified");
                assertThat(attempt.path("verificationReason").asString()).contains("no container engine");
                assertThat(tries.get()).isEqualTo(VerificationJobs.MAX_TRIES);
                assertThat(workers.counts().retried()).isEqualTo(VerificationJobs.MAX_TRIES - 1);
            }
        });
    }

    @Test
    void aJobWhoseWorkerDiedIsClaimedAgainWhenItsLeaseRunsOut() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            api.post("/api/v1/attempts", ann, withCode(Fixtures.attempt("w01.repl-audit.money-eq", "failed", 0, 2)));
            VerificationJobs jobs = server.verificationJobs();
            VerificationJobs.Job first = jobs.claim(Duration.ofMillis(1)).orElseThrow();
            Thread.sleep(20);
            assertThat(jobs.claim(Duration.ofMinutes(5)))
                    .as("claimed again once the 1 ms lease ran out")
                    .hasValueSatisfying(again -> {
                        assertThat(again.id()).isEqualTo(first.id());
                        assertThat(again.tries()).isEqualTo(2);
                    });
            assertThat(jobs.claim(Duration.ofMinutes(5)))
                    .as("held under a live lease")
                    .isEmpty();
        });
    }

    @Test
    void aRegradeVerifiesStoredCodeAgainAndLogsWhatChanged() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            api.post("/api/v1/attempts", ann, withCode(Fixtures.attempt("w01.repl-audit.money-eq", "passed", 2, 2)));
            try (VerificationWorkers workers = workers((check, code, job) -> new VerifyResult.Passed())) {
                assertThat(awaitVerified(api).path("verification").asString()).isEqualTo("verified-pass");
            }
            VerificationJobs jobs = server.verificationJobs();
            long since = Clock.systemUTC().millis();
            assertThat(jobs.requeueCheck("w01.repl-audit.money-eq")).hasSize(1);
            try (VerificationWorkers workers =
                    workers((check, code, job) -> new VerifyResult.Failed("a stricter test failed"))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (jobs.depth().queued() + jobs.depth().running() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertThat(latest(api).path("verification").asString()).isEqualTo("verified-fail");
            assertThat(jobs.changes(Optional.of("w01.repl-audit.money-eq"), since))
                    .singleElement()
                    .satisfies(change -> {
                        assertThat(change.learner()).isEqualTo("ann");
                        assertThat(change.before()).isEqualTo("verified-pass");
                        assertThat(change.after()).isEqualTo("verified-fail");
                        assertThat(change.beforeScore()).contains(2);
                        assertThat(change.afterScore()).contains(0);
                    });
            assertThat(new ResultStore(server.database())
                            .of(server.people().find("ann").orElseThrow().id()))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.state())
                                .as("the summary is rebuilt: the pass no longer counts")
                                .isEqualTo(CheckState.PASSED_UNVERIFIED);
                        assertThat(r.verifiedScore()).contains(0);
                    });
        });
    }

    private VerificationWorkers workers(VerificationWorkers.Verify verify) {
        return new VerificationWorkers(
                        server.verificationJobs(),
                        server.catalog(),
                        verify,
                        JsonMapper.builder().build(),
                        Duration.ofMillis(20))
                .start(1);
    }
}
