package dev.pymastery.progress.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The progress server's HTTP API as the kernel uses it: record an attempt, ask who the token belongs
 * to, read the learner's progress. Thread-safe; one instance per kernel. Every failure is a {@link
 * ProgressClientException} whose message says what happened and what to do.
 */
public final class ProgressClient implements AttemptSender {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final Optional<String> token;
    private final Duration requestTimeout;
    private final HttpClient http;

    private ProgressClient(URI base, Optional<String> token, Duration connectTimeout, Duration requestTimeout) {
        this.base = base;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public static ProgressClient create(ProgressSettings settings) {
        return new ProgressClient(
                settings.serverUrl(), settings.token(), settings.connectTimeout(), settings.requestTimeout());
    }

    /** A client for {@code baseUrl} with {@code token}, 2 s to connect and 5 s per request. */
    public static ProgressClient create(URI baseUrl, String token) {
        String text = baseUrl.toString();
        URI base = text.endsWith("/") ? baseUrl : URI.create(text + "/");
        return new ProgressClient(base, Optional.of(token), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** {@code POST /api/v1/attempts}: stores the attempt, or finds it stored already under its key. */
    public RecordedAttempt record(Attempt attempt) {
        HttpRequest request = request("api/v1/attempts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        AttemptJson.write(attempt).toString()))
                .build();
        return AttemptJson.readRecorded(call(request));
    }

    /** Same as {@link #record}; the name {@link AttemptSender} uses. */
    @Override
    public RecordedAttempt send(Attempt attempt) {
        return record(attempt);
    }

    /** {@code GET /api/v1/me}: who the token belongs to. */
    public Learner me() {
        return convert(call(request("api/v1/me").GET().build()), Learner.class);
    }

    /** {@code GET /api/v1/me/progress}: the learner's points per week and check. */
    public LearnerProgress progress() {
        return convert(call(request("api/v1/me/progress").GET().build()), LearnerProgress.class);
    }

    /** {@code GET /api/v1/weeks}: the weeks published to this learner, with their files. */
    public PublishedWeeks publishedWeeks() {
        return PublishedWeeksJson.read(call(request("api/v1/weeks").GET().build()));
    }

    /** A published file's content ({@code GET} its {@code url}), checked against its SHA-256. */
    public String download(PublishedWeeks.File file) {
        HttpRequest request = request(file.url()).GET().build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw failure(request, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        String sha = PublishedWeeksJson.sha256(response.body());
        if (!sha.equals(file.sha256())) {
            throw new ServerResponseException(
                    200,
                    "sha256 " + sha,
                    false,
                    "the download of " + file.name() + " was damaged (its SHA-256 differs from the server's list);"
                            + " run %fetch again");
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    public URI baseUrl() {
        return base;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private JsonNode call(HttpRequest request) {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return JSON.readTree(response.body());
            } catch (JacksonException e) {
                throw new ServerResponseException(
                        status,
                        abbreviate(response.body()),
                        false,
                        "the server at " + base + " answered " + status
                                + " with something that is not JSON; is PYMASTERY_SERVER_URL the progress server?");
            }
        }
        throw failure(request, status, response.body());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (HttpTimeoutException e) {
            throw new ServerUnreachableException(
                    "the progress server at " + base + " did not answer within " + requestTimeout.toMillis()
                            + " ms; attempts wait in the outbox and are sent when it answers",
                    e);
        } catch (ConnectException e) {
            throw new ServerUnreachableException(
                    "cannot connect to the progress server at " + base + " (" + e.getMessage()
                            + "); is it running? Start it with './pymastery server' or set PYMASTERY_SERVER_URL."
                            + " Attempts wait in the outbox meanwhile",
                    e);
        } catch (IOException e) {
            throw new ServerUnreachableException(
                    "the connection to the progress server at " + base + " failed (" + e + "); will retry", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while talking to the progress server", e);
        }
    }

    private ServerResponseException failure(HttpRequest request, int status, String body) {
        Optional<String> problem = problemDetail(body);
        String detail = problem.orElse(abbreviate(body));
        String what = request.method() + " " + request.uri() + " answered " + status + ": " + detail;
        String advice =
                switch (status) {
                    case 401 ->
                        "; the token was not accepted: run './pymastery server ensure-local-learner'"
                                + " or ask your instructor for a new token (PYMASTERY_TOKEN / PYMASTERY_TOKEN_FILE)";
                    case 403 -> "; this token may not do that";
                    case 422 ->
                        detail.startsWith("unknown check")
                                ? "; the server's check catalog does not know this check: is the server's catalog"
                                        + " the same course as the notebook's?"
                                : "; the server's catalog and this notebook's checks file disagree: is the"
                                        + " notebook's checks file the course's?";
                    case 429, 503 -> "; the server is busy, will retry";
                    default -> status >= 500 ? "; a server error, will retry" : "";
                };
        if (problem.isEmpty() && status < 500) {
            advice += "; this does not look like the progress server: check PYMASTERY_SERVER_URL";
        }
        return new ServerResponseException(status, detail, problem.isPresent(), what + advice);
    }

    /** The {@code detail} of an RFC 9457 problem document, the shape the progress server answers errors with. */
    private static Optional<String> problemDetail(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject() && node.path("status").isNumber() && node.has("detail")) {
                return Optional.of(node.path("detail").asString());
            }
        } catch (JacksonException e) {
            // not JSON: not the progress server's answer
        }
        return Optional.empty();
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new ServerResponseException(
                    200, abbreviate(node.toString()), false, "unexpected answer from the progress server: " + e);
        }
    }
}
