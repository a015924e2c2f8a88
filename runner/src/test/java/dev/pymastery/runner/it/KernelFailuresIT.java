package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.pymastery.runner.it.TestNotebooks.Cell;
import dev.pymastery.runner.report.CellVerdict;
import dev.pymastery.runner.report.NotebookResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernels that die, hang, never start or do not exist: the affected cells fail with a message that
 * says what happened, and the run goes on with the next notebook. Uses Debian's ipykernel (quick to
 * start, and it can be killed from a cell) and kernelspecs whose argv is not a kernel at all.
 */
class KernelFailuresIT {
    @TempDir
    Path dir;

    @BeforeEach
    void needsIpykernel() {
        TestJupyter.requirePythonJupyter();
    }

    @Test
    void aDeadKernelFailsTheRemainingCellsAndTheRunGoesOn() {
        Path dies = TestNotebooks.write(
                dir.resolve("a-dies.ipynb"),
                "python3",
                List.of(
                        Cell.of("set", "x = 1", ""),
                        Cell.of("exit", "import os\nos._exit(3)", ""),
                        Cell.of("after", "print(x)", "1\n"),
                        Cell.of("skipped", "# NBVAL_SKIP\nprint(x)", "1\n")));
        Path next = TestNotebooks.write(
                dir.resolve("b-next.ipynb"),
                "python3",
                List.of(Cell.of("fine", "print('still running')", "still running\n")));

        TestJupyter.Run run = TestJupyter.nbval(dir.toString());

        NotebookResult died = run.summary().notebooks().get(0);
        assertThat(Verdicts.kinds(died))
                .containsExactly(
                        entry("set", "Passed"),
                        entry("exit", "KernelLost"),
                        entry("after", "KernelLost"),
                        entry("skipped", "Skipped"));
        assertThat(message(died, "exit"))
                .contains("The kernel died while this cell ran")
                .contains("exited with code 3");
        assertThat(message(died, "after")).startsWith("Not run: the kernel died in cell 2 (id exit)");
        assertThat(run.summary().notebooks().get(1).ok()).isTrue();
        assertThat(run.summary().notebooks().get(1).notebook()).isEqualTo(next);
        assertThat(run.summary().exitCode()).isEqualTo(1);
        assertThat(dies).exists();
    }

    @Test
    void aKernelWhoseHeartbeatStopsIsGivenUp() {
        Path notebook = TestNotebooks.write(
                dir.resolve("stops.ipynb"),
                "python3",
                List.of(
                        Cell.of("stop", "import os, signal\nos.kill(os.getpid(), signal.SIGSTOP)", ""),
                        Cell.of("after", "print(1)", "1\n")));

        TestJupyter.Run run = TestJupyter.nbval(notebook.toString(), "--heartbeat-timeout", "3");

        NotebookResult result = run.summary().notebooks().getFirst();
        assertThat(message(result, "stop")).contains("heartbeat went unanswered for 3 s");
        assertThat(message(result, "after")).startsWith("Not run: the kernel died in cell 1 (id stop)");
    }

    @Test
    void kernelsThatNeverBecomeReadyFailTheirCellsWithTheReason() {
        Path specs = dir.resolve("specs");
        TestNotebooks.kernelSpec(specs, "sleeper", List.of("sleep", "60"));
        TestNotebooks.kernelSpec(specs, "crasher", List.of("sh", "-c", "echo 'cannot start: no GraalPy' >&2; exit 4"));
        Path slow = TestNotebooks.write(dir.resolve("slow.ipynb"), "sleeper", List.of(Cell.of("c", "1", "")));
        Path crash = TestNotebooks.write(dir.resolve("crash.ipynb"), "crasher", List.of(Cell.of("c", "1", "")));
        Path missing =
                TestNotebooks.write(dir.resolve("missing.ipynb"), "no-such-kernel", List.of(Cell.of("c", "1", "")));

        TestJupyter.Run run = TestJupyter.nbval(
                List.of(specs), slow.toString(), crash.toString(), missing.toString(), "--kernel-start-timeout", "2");

        List<NotebookResult> results = run.summary().notebooks();
        assertThat(message(results.get(0), "c"))
                .contains("kernel 'sleeper' did not answer kernel_info within 2 s (kernel start timeout)");
        assertThat(message(results.get(1), "c"))
                .contains("kernel 'crasher' exited with code 4 before it was ready")
                .contains("cannot start: no GraalPy");
        assertThat(results.get(2).problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("no kernelspec named 'no-such-kernel'")
                .contains("--kernel"));
        assertThat(run.summary().exitCode()).isEqualTo(1);
    }

    private static String message(NotebookResult result, String id) {
        CellVerdict verdict = Verdicts.byId(result).get(id);
        return switch (verdict) {
            case CellVerdict.KernelLost lost -> lost.message();
            case CellVerdict.TimedOut timedOut -> timedOut.message();
            default -> verdict.toString();
        };
    }
}
