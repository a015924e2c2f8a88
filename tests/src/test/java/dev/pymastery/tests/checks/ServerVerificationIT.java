package dev.pymastery.tests.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.ContainerEngine;
import dev.pymastery.testkit.Execution;
import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.JupyterDriver;
import dev.pymastery.testkit.ProgressServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's proof of a lab (issue 12): a real kernel sends its attempts with the learner's code,
 * the real progress server re-runs that code with the public and hidden tests in Podman's stock
 * container, and records what it found. The forgeries an instructor would meet are tried in turn:
 * a hard-coded answer to the public test, a cell that replaces {@code builtins.exec}, an edited
 * checks file, and attempts posted by hand; none is recorded as a verified pass, and an honest
 * solution is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerVerificationIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The instructor's file: the server's catalog, with the hidden tests. */
    static final String INSTRUCTOR = """
            week: 1
            title: Verification under test
            checks:
              - id: w01.money.eq
                title: Money compares by value
                points: 2
                test: |
                  assert Money(1, "EUR") == Money(1, "EUR"), "equal amounts should be equal"
                hidden: |
                  assert Money(1, "EUR") != Money(1, "USD"), "different currencies differ"
                  assert Money(2, "EUR") != Money(1, "EUR"), "different amounts differ"
              - id: w01.money.double
                title: double() in CPython
                runtime: stock
                timeout: 20
                test: |
                  assert double(2) == 4, "double(2) should be 4"
                hidden: |
                  import sys
                  assert sys.implementation.name == "cpython"
                  assert double(-3) == -6, "double(-3) should be -6"
            """;

    /** The learner's copy, as release writes it: public tests only. */
    static final String LEARNER = """
            week: 1
            title: Verification under test
            checks:
              - id: w01.money.eq
                title: Money compares by value
                points: 2
                test: |
                  assert Money(1, "EUR") == Money(1, "EUR"), "equal amounts should be equal"
              - id: w01.money.double
                title: double() in CPython
                runtime: stock
                timeout: 20
                test: |
                  assert double(2) == 4, "double(2) should be 4"
            """;

    private JupyterDriver kernel;
    private ProgressServerProcess server;
    private Path work;
    private Path catalog;
    private String database;
    private int port;
    private Map<String, String> engine;
    private String token;
    private int posted;

    @BeforeAll
    void start() throws Exception {
        ContainerEngine.require(ContainerEngine.available());
        work = Files.createDirectories(Path.of("target", "it-work", "verify-" + UUID.randomUUID()))
                .toAbsolutePath();
        catalog = Files.createDirectories(work.resolve("catalog"));
        Files.writeString(catalog.resolve("week01.checks.yaml"), INSTRUCTOR);
        Files.writeString(work.resolve("week01.checks.yaml"), LEARNER);
        port = ProgressServerProcess.freePort();
        database = "jdbc:sqlite:" + work.resolve("progress.db");
        token = ProgressServerProcess.addLearner(database, "ann");
        Files.writeString(work.resolve("token"), token + "\n");
        engine = Map.of(
                "DOCKER_HOST",
                "unix://" + ContainerEngine.socket(),
                "PYMASTERY_RUNTIME_STOCK_IMAGE",
                ContainerEngine.STOCK_IMAGE);
        Map<String, String> serverEnv = new HashMap<>(engine);
        serverEnv.put("PYMASTERY_VERIFY_WORKERS", "1");
        server = ProgressServerProcess.start(port, database, catalog, work.resolve("server.log"), serverEnv);
        Map<String, String> env = new HashMap<>(engine);
        env.put("PYMASTERY_POOL_SIZE", "0");
        env.put("PYMASTERY_SERVER_URL", server.url().toString());
        env.put("PYMASTERY_TOKEN_FILE", work.resolve("token").toString());
        env.put("PYMASTERY_OUTBOX", work.resolve("outbox").toString());
        kernel = JupyterDriver.start(
                InstalledKernel.install("pymastery-verify-it", env), work, work.resolve("kernel.log"));
    }

    @AfterAll
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Execution check(String id) {
        posted++;
        return kernel.execute("%check " + id);
    }

    /** The newest stored attempt once the server has verified it (or given up on it). */
    private JsonNode verifiedLatest(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonNode latest = null;
        while (System.nanoTime() < deadline) {
            JsonNode attempts = server.attempts(token);
            if (attempts.size() >= count) {
                latest = attempts.get(0);
                if (!latest.path("verification").asString().equals("pending")) {
                    return latest;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("attempt " + count + " was not verified within 180 s; last seen: " + latest
                + "\nserver log:\n" + Files.readString(work.resolve("server.log")));
    }

    @Test
    @Order(1)
    void aHardCodedAnswerPassesThePublicTestButNotTheServer() throws Exception {
        kernel.execute("class Money:\n    def __init__(self, *args):\n        pass\n"
                + "    def __eq__(self, other):\n        return True");
        Execution run = check("w01.money.eq");
        assertThat(run.status())
                .as("the learner's copy has only the public test")
                .isEqualTo("ok");
        JsonNode stored = verifiedLatest(posted);
        assertThat(stored.path("outcome").asString()).isEqualTo("passed");
        assertThat(stored.path("verification").asString()).isEqualTo("verified-fail");
        assertThat(stored.path("verificationReason").asString()).contains("different currencies differ");
        assertThat(stored.path("verifiedScore").asInt()).isZero();
    }

    @Test
    @Order(2)
    void aCellThatReplacesExecNoLongerPassesAndTheServerSaysSoToo() throws Exception {
        kernel.restart();
        kernel.execute("import builtins\nbuiltins.exec = lambda *args, **kwargs: None");
        Execution run = check("w01.money.eq");
        assertThat(run.status())
                .as("the check runs its test with the builtins of the kernel's start: Money is undefined")
                .isEqualTo("error");
        JsonNode stored = verifiedLatest(posted);
        assertThat(stored.path("verification").asString()).isEqualTo("verified-fail");
        assertThat(stored.path("verificationReason").asString()).contains("NameError");
    }

    @Test
    @Order(3)
    void anEditedChecksFilePassesInTheKernelOnly() throws Exception {
        kernel.restart();
        Files.writeString(
                work.resolve("week01.checks.yaml"),
                LEARNER.replace(
                        "assert Money(1, \"EUR\") == Money(1, \"EUR\"), \"equal amounts should be equal\"", "pass"));
        try {
            kernel.execute("class Money:\n    pass");
            assertThat(check("w01.money.eq").status()).isEqualTo("ok");
            JsonNode stored = verifiedLatest(posted);
            assertThat(stored.path("verification").asString())
                    .as("the server runs its own catalog's tests")
                    .isEqualTo("verified-fail");
        } finally {
            Files.writeString(work.resolve("week01.checks.yaml"), LEARNER);
        }
    }

    @Test
    @Order(4)
    void anHonestSolutionIsVerifiedInBothRuntimes() throws Exception {
        kernel.restart();
        kernel.execute("from dataclasses import dataclass\n\n@dataclass(frozen=True)\nclass Money:\n"
                + "    amount: int\n    currency: str");
        assertThat(check("w01.money.eq").status()).isEqualTo("ok");
        JsonNode money = verifiedLatest(posted);
        assertThat(money.path("verification").asString())
                .as(money.path("verificationReason").asString())
                .isEqualTo("verified-pass");
        assertThat(money.path("verifiedScore").asInt()).isEqualTo(2);

        kernel.execute("%%cpython\ndef double(x):\n    return 2 * x");
        Execution run = check("w01.money.double");
        assertThat(run.status()).as(run.toString()).isEqualTo("ok");
        JsonNode doubled = verifiedLatest(posted);
        assertThat(doubled.path("checkId").asString()).isEqualTo("w01.money.double");
        assertThat(doubled.path("verification").asString())
                .as(doubled.path("verificationReason").asString())
                .isEqualTo("verified-pass");
    }

    @Test
    @Order(5)
    void attemptsPostedByHandAreNeverVerifiedPasses() throws Exception {
        String claim = """
                {"idempotencyKey":"%s","checkId":"w01.money.eq","outcome":"passed","score":2,"maxScore":2,
                 "message":"","durationMs":5,"runtime":"graalpy","attemptedAt":"%s"%s}""";
        HttpResponse<String> bare = post(claim.formatted(UUID.randomUUID(), Instant.now(), ""));
        assertThat(bare.statusCode()).isEqualTo(201);
        posted++;
        JsonNode unverified = verifiedLatest(posted);
        assertThat(unverified.path("verification").asString()).isEqualTo("unverified");
        assertThat(unverified.path("verificationReason").asString()).contains("no code came with this attempt");

        String fakeCode =
                ",\"submission\":{\"cells\":[{\"code\":\"print('trust me')\"}],\"files\":{}," + "\"labCells\":false}";
        HttpResponse<String> faked = post(claim.formatted(UUID.randomUUID(), Instant.now(), fakeCode));
        assertThat(faked.statusCode()).isEqualTo(201);
        posted++;
        JsonNode failed = verifiedLatest(posted);
        assertThat(failed.path("verification").asString()).isEqualTo("verified-fail");

        HttpResponse<String> inflated = post(claim.formatted(UUID.randomUUID(), Instant.now(), "")
                .replace("\"score\":2,\"maxScore\":2", "\"score\":1000,\"maxScore\":1000"));
        assertThat(inflated.statusCode()).isEqualTo(422);
        assertThat(inflated.body()).contains("maxScore");
    }

    @Test
    @Order(6)
    void queuedWorkSurvivesARestartOfTheServer() throws Exception {
        server.close();
        Map<String, String> noWorkers = new HashMap<>(engine);
        noWorkers.put("PYMASTERY_VERIFY_WORKERS", "0");
        server = ProgressServerProcess.start(port, database, catalog, work.resolve("server.log"), noWorkers);
        String code = ",\"submission\":{\"cells\":[{\"code\":\"from dataclasses import dataclass\\n"
                + "@dataclass(frozen=True)\\nclass Money:\\n    amount: int\\n    currency: str\"}],"
                + "\"labCells\":false}";
        String body = """
                {"idempotencyKey":"%s","checkId":"w01.money.eq","outcome":"passed","score":2,"maxScore":2,
                 "message":"","durationMs":5,"runtime":"graalpy","attemptedAt":"%s"%s}""".formatted(UUID.randomUUID(), Instant.now(), code);
        assertThat(post(body).statusCode()).isEqualTo(201);
        posted++;
        Thread.sleep(1000);
        assertThat(server.attempts(token).get(0).path("verification").asString())
                .isEqualTo("pending");
        server.close();
        Map<String, String> oneWorker = new HashMap<>(engine);
        oneWorker.put("PYMASTERY_VERIFY_WORKERS", "1");
        server = ProgressServerProcess.start(port, database, catalog, work.resolve("server.log"), oneWorker);
        assertThat(verifiedLatest(posted).path("verification").asString())
                .as("the job queued before the restart is verified after it")
                .isEqualTo("verified-pass");
    }

    @Test
    @Order(7)
    void aRegradeWithAStricterHiddenTestShowsWhatChanged() throws Exception {
        Files.writeString(
                catalog.resolve("week01.checks.yaml"),
                INSTRUCTOR.replace(
                        "assert Money(2, \"EUR\") != Money(1, \"EUR\"), \"different amounts differ\"",
                        "assert Money(1, \"EUR\") < Money(2, \"EUR\"), \"amounts of one currency are ordered\""));
        String out = ProgressServerProcess.cli(
                engine, "regrade", "w01.money.eq", "--db", database, "--catalog", catalog.toString());
        assertThat(out)
                .contains("regrade w01.money.eq:")
                .contains("ann, attempt")
                .contains("verified-pass (2) -> verified-fail (0)")
                .containsPattern("\\d+ verified again, [1-9]\\d* changed");
        JsonNode attempts = server.attempts(token);
        for (JsonNode attempt : attempts) {
            if (attempt.path("checkId").asString().equals("w01.money.eq")) {
                assertThat(attempt.path("verification").asString())
                        .as("no Money here defines <, so no attempt passes the stricter test")
                        .isNotEqualTo("verified-pass");
            }
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "api/v1/attempts"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
