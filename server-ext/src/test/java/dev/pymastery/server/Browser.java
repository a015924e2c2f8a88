package dev.pymastery.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by playwright-core from Node: set up by {@code .ci/browser.sh}. Missing
 * pieces skip the browser tests, unless CI=true, where they fail.
 */
final class Browser {
    private Browser() {}

    static Path scripts() {
        return Databases.repositoryRoot().resolve("server-ext/src/test/browser");
    }

    /** Runs {@code .ci/browser.sh} once; skips or fails when it cannot provide a browser. */
    static synchronized void require() {
        Path script = Databases.repositoryRoot().resolve(".ci/browser.sh");
        String problem;
        try {
            Process process = new ProcessBuilder("bash", script.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor(600, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return;
            }
            problem = err.strip();
        } catch (IOException e) {
            problem = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        if (Databases.ci()) {
            fail("the browser test needs Chromium, Node and playwright-core when CI=true: " + problem);
        }
        Assumptions.abort("no browser here (" + problem + ")");
    }

    /** Runs a Node script from {@link #scripts()}; returns its stdout, failing on a non-zero exit. */
    static String node(String script, Path log, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "node";
        command[1] = script;
        System.arraycopy(args, 0, command, 2, args.length);
        Process process = new ProcessBuilder(command)
                .directory(scripts().toFile())
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("node " + script + " did not finish in 180 s");
        }
        if (process.exitValue() != 0) {
            fail("node " + script + " exited with " + process.exitValue() + ": " + Files.readString(log));
        }
        return out;
    }
}
