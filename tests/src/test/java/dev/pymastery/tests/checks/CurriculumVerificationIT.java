package dev.pymastery.tests.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.checks.CheckFiles;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.progress.client.AttemptJson;
import dev.pymastery.progress.client.Submission;
import dev.pymastery.runner.curriculum.CurriculumMain;
import dev.pymastery.testkit.ContainerEngine;
import dev.pymastery.testkit.ProgressServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server verifies real curriculum labs: for weeks with GraalPy and CPython labs, the release
 * names each check's lab cells, the instructor notebook's solutions in those cells are sent as a
 * learner's kernel would send them, and the progress server, with the instructor's checks as its
 * catalog, must record every check as a verified pass. A lab whose check needs something the
 * server's re-run does not give (state from outside the lab section, a kernel-only magic) fails
 * here, with the server's reason.
 */
class CurriculumVerificationIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Weeks with GraalPy and stock-CPython labs, kept few for CI's time. */
    private static final List<String> WEEKS = List.of("1", "5", "10");

    @Test
    void theInstructorsSolutionsAreVerifiedPassesOnTheServer() throws Exception {
        ContainerEngine.require(ContainerEngine.available());
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path work = Files.createDirectories(Path.of("target", "it-work", "curriculum-verify-" + UUID.randomUUID()))
                .toAbsolutePath();
        Path released = work.resolve("released");
        List<String> args = new ArrayList<>(List.of("release"));
        args.addAll(WEEKS);
        args.addAll(List.of("--out", released.toString()));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(CurriculumMain.run(
                        args,
                        root.resolve("notebooks"),
                        List.of(),
                        new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .as(printed.toString(StandardCharsets.UTF_8))
                .isZero();

        int port = ProgressServerProcess.freePort();
        String database = "jdbc:sqlite:" + work.resolve("progress.db");
        String token = ProgressServerProcess.addLearner(database, "ann");
        Map<String, String> env = new HashMap<>();
        env.put("DOCKER_HOST", "unix://" + ContainerEngine.socket());
        env.put("PYMASTERY_RUNTIME_STOCK_IMAGE", ContainerEngine.STOCK_IMAGE);
        env.put("PYMASTERY_VERIFY_WORKERS", "2");
        Map<String, String> expected = new LinkedHashMap<>();
        try (ProgressServerProcess server = ProgressServerProcess.start(
                port, database, root.resolve("notebooks"), work.resolve("server.log"), env)) {
            for (Path learnerChecks : learnerChecksFiles(released)) {
                Path instructorNotebook = root.resolve("notebooks")
                        .resolve(released.relativize(learnerChecks).toString().replace(CheckFiles.SUFFIX, ".ipynb"));
                Map<String, String> cells = codeCellsById(instructorNotebook);
                WeekChecks week = CheckFiles.read(learnerChecks);
                for (CheckSpec check : week.checks()) {
                    assertThat(check.cells())
                            .as(check.id() + " names its lab cells")
                            .isNotEmpty();
                    List<Submission.Cell> lab = check.cells().stream()
                            .map(id -> new Submission.Cell(Optional.of(id), cells.get(id)))
                            .toList();
                    post(server.url(), token, check, new Submission(lab, Map.of(), true));
                    expected.put(check.id(), "verified-pass");
                }
            }
            Map<String, String> found = awaitVerified(server, token, expected.size());
            Map<String, String> reasons = new LinkedHashMap<>();
            for (JsonNode attempt : server.attempts(token)) {
                if (!attempt.path("verification").asString().equals("verified-pass")) {
                    reasons.put(
                            attempt.path("checkId").asString(),
                            attempt.path("verificationReason").asString());
                }
            }
            assertThat(found)
                    .as("checks not verified, with the server's reasons: " + reasons)
                    .isEqualTo(expected);
        }
    }

    private static List<Path> learnerChecksFiles(Path released) throws Exception {
        try (Stream<Path> files = Files.walk(released)) {
            return files.filter(p -> p.toString().endsWith(CheckFiles.SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, String> codeCellsById(Path notebook) throws Exception {
        Map<String, String> cells = new HashMap<>();
        for (JsonNode cell : JSON.readTree(Files.readString(notebook)).path("cells")) {
            if (cell.path("cell_type").asString().equals("code")) {
                StringBuilder source = new StringBuilder();
                cell.path("source").forEach(line -> source.append(line.asString()));
                cells.put(cell.path("id").asString(), source.toString());
            }
        }
        return cells;
    }

    private static void post(URI server, String token, CheckSpec check, Submission code) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("idempotencyKey", UUID.randomUUID().toString());
        body.put("checkId", check.id());
        body.put("outcome", "passed");
        body.put("score", check.points());
        body.put("maxScore", check.points());
        body.put("message", "");
        body.put("durationMs", 1);
        body.put("runtime", check.runtime().key());
        body.put("attemptedAt", Instant.now().toString());
        body.set("submission", AttemptJson.writeSubmission(code));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(server.resolve("api/v1/attempts"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
    }

    /** Check id to its verification, once none is pending. */
    private static Map<String, String> awaitVerified(ProgressServerProcess server, String token, int count)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        Map<String, String> found = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            found.clear();
            boolean pending = false;
            JsonNode attempts = server.attempts(token);
            for (JsonNode attempt : attempts) {
                String state = attempt.path("verification").asString();
                pending |= state.equals("pending");
                found.put(attempt.path("checkId").asString(), state);
            }
            if (attempts.size() >= count && !pending) {
                return found;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("still pending after 8 minutes: " + found);
    }
}
