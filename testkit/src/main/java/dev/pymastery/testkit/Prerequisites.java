package dev.pymastery.testkit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What integration tests need from the machine. Outside CI a missing prerequisite skips the test
 * with the reason; in CI ({@code CI=true}) it fails the run, so nothing is silently untested.
 */
public final class Prerequisites {
    public static final Path PYTHON = Path.of(System.getenv().getOrDefault("PYMASTERY_PYTHON", "/usr/bin/python3"));

    private Prerequisites() {}

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getProperty("pymastery.ci"));
    }

    /** Requires a condition; {@code what} says what is missing and how to get it. */
    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if (ci()) {
            fail("missing prerequisite (CI=true, so this fails instead of skipping): " + what);
        }
        assumeTrue(false, "skipped, missing prerequisite: " + what);
    }

    /** Requires Debian's Python with the named modules importable. */
    public static void requirePython(String... modules) {
        require(Files.isExecutable(PYTHON), PYTHON + " (apt-get install python3)");
        for (String module : modules) {
            require(
                    pythonImports(module),
                    "the Python module " + module + " for " + PYTHON + " (apt-get install python3-"
                            + module.replace('_', '-') + "; .ci/run installs it)");
        }
    }

    static boolean pythonImports(String module) {
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import " + module)
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
