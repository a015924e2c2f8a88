package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.progress.client.AttemptJson;
import dev.pymastery.server.web.Route;
import io.javalin.http.HandlerType;
import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad input, generated from a fixed seed, through every route of the app's table (and some that do
 * not exist): every answer is below 500, and every API error is a problem document.
 */
abstract class FuzzContract extends ServerContract {
    private static final int ROUNDS_PER_ROUTE = 120;
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
    /** The attempt's fields, in a fixed order so that the seed gives the same requests every run. */
    private static final String[] FIELDS = AttemptJson.FIELDS.stream().sorted().toArray(String[]::new);
    /** A path parameter of a route: {name}, {id}, {week}, {file}. */
    private static final Pattern PARAMETER = Pattern.compile("\\{[a-z]+\\}");

    @Test
    void noInputMakesTheServerFail() {
        JavalinTest.test(server.app(), (app, http) -> {
            Api api = new Api(app.port());
            Random random = new Random(20250131L);
            List<String> paths = new ArrayList<>();
            Set<String> posted = new HashSet<>();
            for (Route route : server.routes()) {
                paths.add(route.path());
                if (route.method() == HandlerType.POST) {
                    posted.add(route.path());
                }
            }
            paths.add("/api/v1/nothing-here");
            paths.add("/api/v2/attempts");
            paths.add("/dashboard/../../etc/passwd");
            int requests = 0;
            for (String template : paths) {
                for (int round = 0; round < ROUNDS_PER_ROUTE; round++) {
                    String method = random.nextInt(4) == 0
                            ? METHODS[random.nextInt(METHODS.length)]
                            : posted.contains(template) ? "POST" : "GET";
                    String path =
                            PARAMETER.matcher(template).replaceAll(m -> Matcher.quoteReplacement(pathSegment(random)))
                                    + query(random);
                    String token =
                            switch (random.nextInt(5)) {
                                case 0 -> null;
                                case 1 -> teacher;
                                case 2 -> junkToken(random);
                                default -> ann;
                            };
                    HttpRequest.Builder builder = api.builder(path, token);
                    if (random.nextInt(6) == 0) {
                        builder.header("Accept", "text/event-stream, */*");
                    }
                    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
                        builder.method(method, HttpRequest.BodyPublishers.noBody());
                    } else {
                        builder.header("Content-Type", contentType(random));
                        byte[] body = body(random);
                        // A large body meets an early answer (401, 413) the HTTP way: the client waits for
                        // 100 Continue, so the server need not read what it refuses.
                        builder.expectContinue(body.length > 8192);
                        builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
                    }
                    if (template.equals("/api/v1/events") && method.equals("GET")) {
                        builder.setHeader("Accept", "application/json"); // keep streams from staying open
                    }
                    Api.Answer answer;
                    try {
                        answer = api.send(builder);
                    } catch (IllegalStateException stale) {
                        // The pooled connection was closed by the server after an early answer to a
                        // large body; a client retries that once on a new connection.
                        try {
                            answer = new Api(app.port()).send(builder);
                        } catch (IllegalStateException e) {
                            throw new AssertionError(method + " " + path + " with token " + token + " failed", e);
                        }
                    }
                    requests++;
                    assertThat(answer.status())
                            .as("%s %s -> %s", method, path, answer.body())
                            .isLessThan(500);
                    if (answer.status() >= 400 && path.startsWith("/api/") && !method.equals("HEAD")) {
                        assertThat(answer.contentType())
                                .as("%s %s", method, path)
                                .startsWith("application/problem+json");
                        assertThat(answer.json().path("detail").asString()).isNotBlank();
                    }
                }
            }
            assertThat(requests).isGreaterThan(1000);
            assertThat(api.get("/readyz", null).status()).isEqualTo(200);
        });
    }

    private static String pathSegment(Random random) {
        return switch (random.nextInt(7)) {
            case 6 -> String.valueOf(random.nextInt(3)); // a week, an attempt id
            case 0 -> "ann";
            case 1 -> "teacher";
            case 2 -> URLEncoder.encode(unicode(random, 1 + random.nextInt(40)), StandardCharsets.UTF_8);
            case 3 -> "%00";
            case 4 -> "a".repeat(1 + random.nextInt(3000));
            default -> "..%2F..%2Fetc";
        };
    }

    private static String query(Random random) {
        return switch (random.nextInt(5)) {
            case 0 ->
                "?limit="
                        + List.of("-1", "0", "501", "99999999999", "abc", "1e3", "")
                                .get(random.nextInt(7));
            case 1 -> "?checkId=" + URLEncoder.encode(unicode(random, random.nextInt(300)), StandardCharsets.UTF_8);
            case 2 -> "?token=" + URLEncoder.encode(unicode(random, 20), StandardCharsets.UTF_8);
            case 3 -> "?learner=" + pathSegment(random);
            default -> "";
        };
    }

    private static String junkToken(Random random) {
        StringBuilder token = new StringBuilder(random.nextBoolean() ? "pmt_" : "");
        int length = random.nextInt(random.nextBoolean() ? 50 : 2000);
        for (int i = 0; i < length; i++) {
            token.append((char) (33 + random.nextInt(94)));
        }
        return token.toString();
    }

    private static String contentType(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "text/plain";
            case 1 -> "application/x-www-form-urlencoded";
            case 2 -> "application/json; charset=latin1";
            case 3 -> "multipart/form-data; boundary=x";
            default -> "application/json";
        };
    }

    private static byte[] body(Random random) {
        String valid = Fixtures.attempt("w01.repl-audit.money-eq", "passed", 2, 2);
        return switch (random.nextInt(9)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(2000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            case 2 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> randomJson(random, 3).getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"idempotencyKey\":\"" + "k".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 5 -> valid.replace("{", "{\"score\":1,").getBytes(StandardCharsets.UTF_8); // duplicate key
            default -> {
                String field = FIELDS[random.nextInt(FIELDS.length)];
                yield valid.replaceFirst(
                                "\"" + field + "\":(\"[^\"]*\"|[-0-9]+)",
                                java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + randomJson(random, 2)))
                        .getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static String randomJson(Random random, int depth) {
        int choice = random.nextInt(depth > 0 ? 12 : 10);
        return switch (choice) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> String.valueOf(random.nextLong());
            case 3 ->
                List.of("1e400", "-0", "1.5", "99999999999999999999999", "-1", "0", "2147483648", "NaN")
                        .get(random.nextInt(8));
            case 4, 5, 6 -> "\"" + jsonEscape(unicode(random, random.nextInt(random.nextBoolean() ? 20 : 5000))) + "\"";
            case 7 ->
                "\"2025-01-01T00:00:00"
                        + List.of("Z", "+25:00", "", "z", ".999999999Z").get(random.nextInt(5)) + "\"";
            case 8 ->
                "\""
                        + List.of("passed", "failed", "error", "graalpy", "cuda", "w01.repl-audit.money-eq")
                                .get(random.nextInt(6))
                        + "\"";
            case 9 -> "\"\\u0000\\ud800\"";
            case 10 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(randomJson(random, depth - 1)).append(i > 1 ? "," : "");
                }
                yield array.append("]").toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.append("\"")
                            .append(FIELDS[random.nextInt(FIELDS.length)])
                            .append("\":")
                            .append(randomJson(random, depth - 1))
                            .append(i > 1 ? "," : "");
                }
                yield object.append("}").toString();
            }
        };
    }

    private static String unicode(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                text.append((char) random.nextInt(32)); // control characters, NUL included
            } else if (kind == 1) {
                text.appendCodePoint(0x1F600 + random.nextInt(50)); // emoji, surrogate pairs
            } else if (kind == 2) {
                text.append((char) (0x0400 + random.nextInt(200)));
            } else {
                text.append((char) (32 + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 32) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
