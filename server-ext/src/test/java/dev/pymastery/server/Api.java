package dev.pymastery.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: raw requests with or without a token, answers as JSON when they are. */
public final class Api {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Api(int port) {
        this.base = URI.create("http://127.0.0.1:" + port + "/");
    }

    public URI base() {
        return base;
    }

    public record Answer(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String detail() {
            return json().path("detail").asString();
        }
    }

    public Answer get(String path, String token) {
        return send(builder(path, token).GET());
    }

    public Answer post(String path, String token, String body) {
        return post(path, token, "application/json", body);
    }

    public Answer post(String path, String token, String contentType, String body) {
        HttpRequest.Builder builder = builder(path, token).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    public Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
