package dev.pymastery.tests.checks;

import dev.pymastery.tests.support.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Whether a container engine with the stock test image answers (.ci/podman.sh starts one). */
final class ContainerEngine {
    static final String STOCK_IMAGE = "pymastery-test/stock:3.13";

    private ContainerEngine() {}

    static Path socket() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "");
        return host.startsWith("unix://") ? Path.of(host.substring(7)) : Path.of("/run/pymastery/podman.sock");
    }

    static boolean available() {
        return Files.exists(socket()) && curl("http://d/_ping") && curl("http://d/images/" + STOCK_IMAGE + "/json");
    }

    /** Skips the test without an engine, or fails it with CI=true. */
    static void require(boolean available) {
        Prerequisites.require(
                available,
                "a container engine on " + socket() + " with the image " + STOCK_IMAGE
                        + " (run: eval \"$(.ci/podman.sh)\")");
    }

    private static boolean curl(String url) {
        try {
            Process process = new ProcessBuilder("curl", "-sf", "--unix-socket", socket().toString(), url)
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
