package dev.pymastery.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The server as a separate process ({@code ServerCli run}), for tests that kill it. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Starts the server and waits until {@code /readyz} answers 200. */
    static ServerProcess start(int port, String databaseUrl, Path catalog, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                java(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.pymastery.server.cli.ServerCli",
                "run",
                "--port",
                String.valueOf(port),
                "--db",
                databaseUrl,
                "--catalog",
                catalog.toString(),
                "--no-access-log"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ServerProcess server = new ServerProcess(process, port);
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Api api = new Api(port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            try {
                if (api.get("/readyz", null).status() == 200) {
                    return;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not become ready in " + timeout);
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server survived SIGKILL");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
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
}
