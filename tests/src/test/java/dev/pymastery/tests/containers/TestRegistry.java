package dev.pymastery.tests.containers;

import dev.pymastery.testkit.ContainerEngine;
import dev.pymastery.testkit.Prerequisites;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A registry on localhost:5511 serving the OCI layout .ci/podman.sh exports (the ft test image),
 * so a pull can be tested where no real registry is reachable. The engine must treat the port as
 * an insecure registry (.ci/podman.sh configures Podman; Docker does so for loopback anyway).
 */
final class TestRegistry implements AutoCloseable {
    static final String REPOSITORY = "pymastery-test/pullme";
    static final String IMAGE = "localhost:5511/" + REPOSITORY + ":1";

    private final Process process;

    private TestRegistry(Process process) {
        this.process = process;
    }

    static Path layout() {
        return Path.of(System.getProperty("pymastery.test.registry", "/var/tmp/pymastery-test-registry"))
                .resolve("ft");
    }

    /** Starts serving, once the layout exists; skips (fails in CI) without it. */
    static TestRegistry start() {
        if (Files.notExists(layout().resolve("index.json"))) {
            String message = "the pull test needs the OCI layout " + layout() + " (run .ci/podman.sh)";
            if (Prerequisites.ci()) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path script = Path.of(TestRegistry.class
                    .getResource("/containers/oci_registry.py")
                    .toURI());
            Process process = new ProcessBuilder(
                            Prerequisites.PYTHON.toString(),
                            script.toString(),
                            layout().toString(),
                            "5511",
                            REPOSITORY,
                            "1")
                    .redirectErrorStream(true)
                    .start();
            String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (first == null || !first.startsWith("serving")) {
                process.destroyForcibly();
                throw new IllegalStateException("the test registry did not start: " + first);
            }
            return new TestRegistry(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the pulled image from the engine, so the next pull is a real one. */
    static void forgetImage() {
        ContainerEngine.run(
                "curl",
                "-s",
                "-X",
                "DELETE",
                "--unix-socket",
                ContainerEngine.socket().toString(),
                "http://d/images/" + IMAGE + "?force=true");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
