package dev.pymastery.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real progress server (server-ext, as {@code ./pymastery server} runs it: its jar and
 * {@code lib/}) in its own process, for the kernel's recording, the server's own kill and signal
 * tests, and its commands.
 */
public final class ProgressServerProcess implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Process process;
    private final int port;

    private ProgressServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The java running the tests, to start the server and its commands with. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static Path build() {
        return Path.of(System.getProperty("pymastery.server.build", "../server-ext/target"))
                .toAbsolutePath()
                .normalize();
    }

    private static List<String> command(String... args) {
        Path build = build();
        Prerequisites.require(
                Files.isRegularFile(build.resolve("pymastery-server.jar")),
                "the built progress server in " + build + " (mvn package -pl server-ext)");
        List<String> command = new ArrayList<>(List.of(
                java(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-cp",
                build.resolve("pymastery-server.jar") + ":" + build.resolve("lib") + "/*",
                "dev.pymastery.server.cli.ServerCli"));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code ./pymastery server ARGS...} with {@code env} added; its output (stdout and stderr). */
    public static String cli(java.util.Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pymastery server " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    /** {@code add-learner NAME --db URL}: the new learner's token. */
    public static String addLearner(String databaseUrl, String name) throws Exception {
        Process process = new ProcessBuilder(command("add-learner", name, "--db", databaseUrl))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("add-learner failed: " + out);
        }
        return out.lines().reduce((a, b) -> b).orElseThrow();
    }

    /** Runs {@code ./pymastery server ARGS} as a process; its stdout, or an exception with its stderr. */
    public static String cli(String... args) throws Exception {
        Process process = new ProcessBuilder(command(args)).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("server " + String.join(" ", args) + " failed: " + err);
        }
        return out;
    }

    /** Starts the server and waits until {@code /readyz} answers. */
    public static ProgressServerProcess start(int port, String databaseUrl, Path catalog, Path log) throws Exception {
        return start(port, databaseUrl, catalog, log, java.util.Map.of());
    }

    /** The same, with {@code env} added to this process's environment (e.g. the verification's engine). */
    public static ProgressServerProcess start(
            int port, String databaseUrl, Path catalog, Path log, java.util.Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command(
                        "run",
                        "--port",
                        String.valueOf(port),
                        "--db",
                        databaseUrl,
                        "--catalog",
                        catalog.toString(),
                        "--no-access-log"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        ProgressServerProcess server = new ProgressServerProcess(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the progress server exited with " + process.exitValue());
            }
            try {
                if (server.get("readyz", null).statusCode() == 200) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        server.close();
        throw new IllegalStateException("the progress server did not become ready");
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server survived SIGKILL");
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** {@code GET /api/v1/me/attempts} for the token's learner. */
    public JsonNode attempts(String token) throws Exception {
        HttpResponse<String> response = get("api/v1/me/attempts?limit=500", token);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("attempts: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("attempts");
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
