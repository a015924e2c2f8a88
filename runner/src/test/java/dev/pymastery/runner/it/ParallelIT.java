package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.runner.it.TestNotebooks.Cell;
import dev.pymastery.runner.report.NotebookResult;
import dev.pymastery.runner.report.RunEvent;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -j 4} over 20 notebooks starts 20 kernels, at most 4 at a time, and none collides: each
 * notebook talks to a kernel of its own (its own process, its own state). Uses ipykernel, which
 * starts in about a second.
 */
class ParallelIT {

    @Test
    void twentyKernelsFourAtATimeWithoutCollisions(@TempDir Path dir) {
        TestJupyter.requirePythonJupyter();
        for (int i = 0; i < 20; i++) {
            TestNotebooks.write(
                    dir.resolve(String.format("nb%02d.ipynb", i)),
                    "python3",
                    List.of(
                            Cell.of(
                                    "pid",
                                    "import os, time\nmarker = 'notebook %d'\nprint(os.getpid())".formatted(i),
                                    "0\n",
                                    "nbval-ignore-output"),
                            Cell.of("state", "time.sleep(0.2)\nprint(marker)", "notebook %d\n".formatted(i))));
        }

        TestJupyter.Run run = TestJupyter.nbval(dir.toString(), "-j", "4");

        assertThat(run.summary().notebooks()).hasSize(20).allMatch(NotebookResult::ok);
        assertThat(run.summary().exitCode()).isZero();
        Set<String> pids = new HashSet<>();
        for (NotebookResult result : run.summary().notebooks()) {
            pids.add(result.cells()
                    .getFirst()
                    .fresh()
                    .orElseThrow()
                    .getFirst()
                    .path("text")
                    .asString()
                    .strip());
        }
        assertThat(pids).as("one kernel process per notebook").hasSize(20);

        int running = 0;
        int most = 0;
        for (RunEvent event : run.events()) {
            if (event instanceof RunEvent.NotebookStarted) {
                most = Math.max(most, ++running);
            } else if (event instanceof RunEvent.NotebookFinished) {
                running--;
            }
        }
        assertThat(most).as("notebooks running at once").isBetween(2, 4);
    }
}
