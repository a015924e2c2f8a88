package dev.pymastery.runner.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.pymastery.runner.it.TestNotebooks.Cell;
import dev.pymastery.runner.report.CellVerdict;
import dev.pymastery.runner.report.NotebookResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cell that runs too long, or stays silent too long, is interrupted and fails with a message
 * naming the timeout; the kernel keeps its state and the next cells run. Our kernel is interrupted
 * by message (its kernelspec says so), ipykernel by SIGINT.
 */
class TimeoutsIT {

    @ParameterizedTest
    @ValueSource(strings = {"pymastery", "python3"})
    void timeoutsInterruptTheCellAndTheRunGoesOn(String kernel, @TempDir Path dir) {
        if (kernel.equals("python3")) {
            TestJupyter.requirePythonJupyter();
        }
        Path notebook = TestNotebooks.write(
                dir.resolve("slow.ipynb"),
                kernel,
                List.of(
                        Cell.of("set", "import time\nx = 21", ""),
                        Cell.of("silent", "while True:\n    pass", ""),
                        Cell.of(
                                "chatty",
                                "for i in range(1000):\n    print(i, flush=True)\n    time.sleep(0.4)",
                                "",
                                "nbval-ignore-output"),
                        Cell.of("after", "print(x * 2)", "42\n")));

        TestJupyter.Run run = TestJupyter.nbval(notebook.toString(), "--cell-timeout", "6", "--output-timeout", "3");

        NotebookResult result = run.summary().notebooks().getFirst();
        assertThat(Verdicts.kinds(result))
                .containsExactly(
                        entry("set", "Passed"),
                        entry("silent", "TimedOut"),
                        entry("chatty", "TimedOut"),
                        entry("after", "Passed"));
        assertThat(message(result, "silent"))
                .isEqualTo(
                        "Output timeout: the cell sent nothing for 3 s; the kernel was interrupted and the run goes on");
        assertThat(message(result, "chatty"))
                .isEqualTo(
                        "Cell timeout: the cell ran longer than 6 s; the kernel was interrupted and the run goes on");
        assertThat(result.cells()
                        .get(2)
                        .fresh()
                        .orElseThrow()
                        .getFirst()
                        .path("text")
                        .asString())
                .as("output up to the timeout is kept")
                .startsWith("0\n1\n");
        assertThat(result.cells().get(2).fresh().orElseThrow())
                .anySatisfy(
                        output -> assertThat(output.path("ename").asString()).isEqualTo("KeyboardInterrupt"));
    }

    private static String message(NotebookResult result, String id) {
        return ((CellVerdict.TimedOut) Verdicts.byId(result).get(id)).message();
    }
}
