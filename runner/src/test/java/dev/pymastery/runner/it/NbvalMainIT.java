package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.NbvalMain;
import dev.pymastery.runner.it.TestNotebooks.Cell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a process: exit code 0 only when all cells pass, 1 when one fails, 2 for bad usage. */
class NbvalMainIT {

    @Test
    void exitCodes(@TempDir Path dir) {
        assertThat(nbval(dir, "--help").exitCode()).isZero();
        TestJupyter.Result usage = nbval(dir, "--jobs", "none");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("--jobs needs a whole number of at least 1, not 'none'");
        assertThat(nbval(dir, dir.resolve("missing.ipynb").toString()).exitCode())
                .isEqualTo(2);

        TestJupyter.requirePythonJupyter();
        Path good = TestNotebooks.write(dir.resolve("good.ipynb"), "python3", List.of(Cell.of("a", "print(1)", "1\n")));
        Path bad = TestNotebooks.write(dir.resolve("bad.ipynb"), "python3", List.of(Cell.of("a", "print(2)", "1\n")));
        TestJupyter.Result passing = nbval(dir, good.toString());
        assertThat(passing.exitCode()).as(passing.output()).isZero();
        TestJupyter.Result failing = nbval(dir, good.toString(), bad.toString(), "-j", "2");
        assertThat(failing.exitCode()).as(failing.output()).isEqualTo(1);
        assertThat(failing.output()).contains("PASS " + good).contains("FAIL " + bad);
    }

    private static TestJupyter.Result nbval(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                NbvalMain.class.getName()));
        command.addAll(List.of(args));
        return TestJupyter.run(command, dir);
    }
}
