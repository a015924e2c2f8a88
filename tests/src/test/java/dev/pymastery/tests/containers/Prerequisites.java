package dev.pymastery.tests.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the container tests need: a Python with jupyter_client, a container engine serving the
 * Docker API, and the test images .ci/podman.sh builds. Missing ones skip the tests, except with
 * {@code -Dpymastery.ci=true} (CI=true through ./pymastery test), where they fail.
 */
final class Prerequisites {
    static final String STOCK_IMAGE = "pymastery-test/stock:3.13";
    static final String FT_IMAGE = "pymastery-test/ft:3.13t";
    static final String GIL_IMAGE = "pymastery-test/gil:3.14";
    static final String PYTHON = System.getProperty("pymastery.python", "/usr/bin/python3");

    private Prerequisites() {}

    static boolean ci() {
        return Boolean.parseBoolean(System.getProperty("pymastery.ci", "false"));
    }

    /** The engine's socket: DOCKER_HOST, else the one .ci/podman.sh starts. */
    static Path socket() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "");
        return host.startsWith("unix://") ? Path.of(host.substring(7)) : Path.of("/run/pymastery/podman.sock");
    }

    /** Skips (or, in CI, fails) unless everything is there. */
    static void require() {
        List<String> missing = new ArrayList<>();
        if (!run(PYTHON, "-c", "import jupyter_client").isPresent()) {
            missing.add(PYTHON + " with jupyter_client (apt-get install python3-jupyter-client)");
        }
        if (!Files.exists(socket())
                || run("curl", "-sf", "--unix-socket", socket().toString(), "http://d/_ping")
                        .isEmpty()) {
            missing.add("a container engine answering on " + socket() + " (run .ci/podman.sh)");
        } else {
            for (String image : List.of(STOCK_IMAGE, FT_IMAGE, GIL_IMAGE)) {
                if (run("curl", "-sf", "--unix-socket", socket().toString(), "http://d/images/" + image + "/json")
                        .isEmpty()) {
                    missing.add("the image " + image + " (run .ci/podman.sh)");
                }
            }
        }
        if (Files.notExists(InstalledKernel.build().resolve("pymastery-kernel.jar"))) {
            missing.add("the built kernel in " + InstalledKernel.build() + " (mvn package)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "container tests need: " + String.join("; ", missing);
        if (ci()) {
            throw new IllegalStateException(message + " (CI=true: nothing is skipped)");
        }
        Assumptions.abort(message);
    }

    /** Runs a command; its stdout when it exits 0. */
    static Optional<String> run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(false).start();
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
