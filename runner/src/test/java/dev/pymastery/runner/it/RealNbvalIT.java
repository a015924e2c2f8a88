package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.run.NotebookPaths;
import dev.pymastery.testkit.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The curriculum through real nbval, not the project's runner: Debian sid's python3-nbval 0.11 with
 * jupyter_client 8 in the root {@code .ci/nbval-root.sh} makes, strict ({@code --nbval}) with
 * notebooks/sanitize.cfg, one pytest per notebook, back to back, on this build's kernel. nbval
 * sends {@code store_history=false} (cells are named as under the runner) and stops each kernel
 * with {@code shutdown_kernel(now=True)} (interrupt, then kill): afterwards no spare logged an
 * error and one served more than one notebook. CI runs {@link #REPRESENTATIVE};
 * {@code -Dpymastery.realnbval=all} ({@code ./pymastery nbval --real}) runs every notebook. Without
 * the root (it needs debootstrap and root) the test is skipped, or fails when {@code CI=true}.
 */
class RealNbvalIT {
    /**
     * Week 1 (tracebacks, displays, %%cpython), 9 (a code object's file name), 11 (%%ft,
     * %%cpython py314, asyncio's task names), 12 (cProfile's names); see decision 0031.
     */
    static final List<String> REPRESENTATIVE = List.of(
            "month1/week01-data-model.ipynb",
            "month3/week09-cpython-vm.ipynb",
            "month3/week11-gil-free-threading.ipynb",
            "month3/week12-optimization-ladder.ipynb");

    private static final Path ROOT_SCRIPT = checkout().resolve(".ci/nbval-root.sh");

    @TestFactory
    Stream<DynamicTest> notebooksPassRealNbvalStrict() {
        Path root = nbvalRoot();
        Instant started = Instant.now().minusSeconds(1);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path notebook : notebooks()) {
            String name = TestJupyter.curriculum().relativize(notebook).toString();
            tests.add(DynamicTest.dynamicTest(name, () -> passes(notebook)));
        }
        tests.add(DynamicTest.dynamicTest("the pool stayed warm and quiet", () -> poolStayedWarm(root, started)));
        return tests.stream();
    }

    private static void passes(Path notebook) {
        long start = System.nanoTime();
        TestJupyter.Result run = TestJupyter.run(
                List.of(
                        ROOT_SCRIPT.toString(),
                        "run",
                        "python3",
                        "-m",
                        "pytest",
                        "-p",
                        "no:cacheprovider",
                        "--nbval",
                        "--sanitize-with",
                        TestJupyter.curriculum().resolve("sanitize.cfg").toString(),
                        "-q",
                        "-rfE",
                        notebook.toString()),
                checkout());
        System.out.printf("real nbval: %s in %.1f s%n", notebook.getFileName(), (System.nanoTime() - start) / 1e9);
        assertThat(run.exitCode()).as("nbval's report:\n" + run.output()).isZero();
    }

    /**
     * The spares of this run: none logged an error (a SEVERE from a request arriving as nbval kills
     * the kernel) or gave itself up, and one served two notebooks or more (a stopped kernel came
     * back to the pool).
     */
    private static void poolStayedWarm(Path root, Instant started) throws IOException {
        Path pools = root.resolve("root/.cache/pymastery/pool");
        List<Path> logs;
        try (Stream<Path> files = Files.exists(pools) ? Files.walk(pools, 2) : Stream.empty()) {
            logs = files.filter(p -> p.getFileName().toString().matches("spare-.*\\.log"))
                    .filter(p -> modifiedSince(p, started))
                    .toList();
        }
        int most = 0;
        for (Path log : logs) {
            String text = Files.readString(log);
            assertThat(text).as(log.toString()).doesNotContain("SEVERE", "still running after it was stopped");
            Matcher serving = Pattern.compile("serving ").matcher(text);
            int sessions = 0;
            while (serving.find()) {
                sessions++;
            }
            most = Math.max(most, sessions);
        }
        if (notebooks().size() > 1) {
            assertThat(most)
                    .as("sessions served by the busiest spare, in " + logs)
                    .isGreaterThan(1);
        }
    }

    private static boolean modifiedSince(Path file, Instant since) {
        try {
            return Files.getLastModifiedTime(file).compareTo(FileTime.from(since)) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> notebooks() {
        Path folder = TestJupyter.curriculum();
        if (System.getProperty("pymastery.realnbval", "").equals("all")) {
            return NotebookPaths.expand(List.of(folder));
        }
        return REPRESENTATIVE.stream()
                .map(folder::resolve)
                .filter(Files::isRegularFile)
                .toList();
    }

    /** Makes (or finds) the root; skips without it, or fails in CI. */
    private static Path nbvalRoot() {
        TestJupyter.Result made = TestJupyter.run(List.of(ROOT_SCRIPT.toString()), checkout());
        String[] lines = made.output().strip().split("\n");
        if (made.exitCode() != 0) {
            Prerequisites.require(false, "a sid root with real nbval (.ci/nbval-root.sh failed):\n" + made.output());
        }
        return Path.of(lines[lines.length - 1]);
    }

    private static Path checkout() {
        return Path.of(System.getProperty("pymastery.root", ".."))
                .toAbsolutePath()
                .normalize();
    }
}
