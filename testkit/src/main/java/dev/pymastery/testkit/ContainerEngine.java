package dev.pymastery.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The container engine the tests use (Podman's Docker API, which .ci/podman.sh starts) and the
 * test images it builds: the one probe every test asks, with the one CI rule of {@link
 * Prerequisites}.
 */
public final class ContainerEngine {
    public static final String STOCK_IMAGE = "pymastery-test/stock:3.13";
    public static final String FT_IMAGE = "pymastery-test/ft:3.13t";
    public static final String GIL_IMAGE = "pymastery-test/gil:3.14";

    private ContainerEngine() {}

    /** The engine's socket: DOCKER_HOST, else the one .ci/podman.sh starts. */
    public static Path socket() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "");
        return host.startsWith("unix://") ? Path.of(host.substring(7)) : Path.of("/run/pymastery/podman.sock");
    }

    /** Whether the engine answers and holds every one of {@code images} (the stock image by default). */
    public static boolean available(String... images) {
        if (!Files.exists(socket()) || api("/_ping").isEmpty()) {
            return false;
        }
        for (String image : images.length == 0 ? new String[] {STOCK_IMAGE} : images) {
            if (api("/images/" + image + "/json").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Skips the test without the engine and the images (the stock image by default), or fails it in CI. */
    public static void require(String... images) {
        Prerequisites.require(
                available(images),
                "a container engine on " + socket() + " with the image(s) "
                        + String.join(", ", images.length == 0 ? new String[] {STOCK_IMAGE} : images)
                        + " (run: eval \"$(.ci/podman.sh)\")");
    }

    /** As {@link #require(String...)} for a test that decided earlier whether the engine is there. */
    public static void require(boolean available) {
        Prerequisites.require(
                available,
                "a container engine on " + socket() + " with the image " + STOCK_IMAGE
                        + " (run: eval \"$(.ci/podman.sh)\")");
    }

    /** GET {@code path} of the engine's API (e.g. {@code /containers/json}); the body when it answers 2xx. */
    public static Optional<String> api(String path) {
        return run("curl", "-sf", "--unix-socket", socket().toString(), "http://d" + path);
    }

    /** Runs a command; its stdout when it exits 0 within 30 s. */
    public static Optional<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
