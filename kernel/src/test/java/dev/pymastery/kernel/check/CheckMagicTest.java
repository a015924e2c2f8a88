package dev.pymastery.kernel.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.RecordingOutput;
import dev.pymastery.kernel.interpreter.ExecuteOutcome;
import dev.pymastery.kernel.interpreter.ExecuteRequest;
import dev.pymastery.kernel.interpreter.KernelVersions;
import dev.pymastery.kernel.interpreter.PythonInterpreter;
import dev.pymastery.kernel.magic.MagicRegistry;
import dev.pymastery.kernel.magic.RegistryLineMagics;
import dev.pymastery.kernel.magic.RunningCell;
import dev.pymastery.kernel.runtime.ScriptedShell;
import dev.pymastery.kernel.runtime.TestOutcome;
import dev.pymastery.kernel.runtime.TestRun;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import dev.pymastery.kernel.runtime.container.KernelIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code %check} over a scripted shell, with a real checks file and outbox: which tests run in the
 * shell and in what order, what the cell shows, and the attempt it records with the lab's code.
 */
class CheckMagicTest {
    @TempDir
    Path dir;

    private final ScriptedShell shell = new ScriptedShell();
    private LabChecks checks;
    private PythonInterpreter interpreter;

    @BeforeEach
    void session() throws IOException {
        Files.writeString(dir.resolve("week01-test.checks.yaml"), """
                week: 1
                title: Test week
                checks:
                  - id: w01.answer.value
                    title: The answer
                    points: 2
                    runtime: graalpy
                    timeout: 7
                    test: assert answer == 42
                    hidden: assert answer - 1 == 41
                    hints:
                      - "Compute it: six times seven."
                """);
        Map<String, String> env = Map.of(
                "PYMASTERY_OUTBOX",
                dir.resolve("outbox").toString(),
                "PYMASTERY_SERVER_URL",
                "http://127.0.0.1:9/",
                "PYMASTERY_TOKEN_FILE",
                dir.resolve("token").toString(),
                "JPY_SESSION_NAME",
                "week01-test.ipynb");
        checks = LabChecks.create(
                env,
                dir,
                CPythonRuntimes.create(
                        env, KernelIdentity.current("k1"), JsonMapper.builder().build()),
                "k1");
        MagicRegistry magics = checks.register(new MagicRegistry());
        RunningCell running = new RunningCell();
        interpreter = new PythonInterpreter(
                shell.magics(new RegistryLineMagics(magics, running)),
                magics,
                running,
                new KernelVersions("0-test", "25.0", "3.12.8"));
    }

    @AfterEach
    void close() {
        checks.close();
    }

    @Test
    void thePublicTestThenTheHiddenOneRunInTheShellAndTheFirstFailureFailsTheCell() throws IOException {
        shell.checkRun(new TestRun(new TestOutcome.Passed(), "public ran\n"))
                .checkRun(new TestRun(new TestOutcome.Failed("assert answer - 1 == 41"), "hidden ran\n"));
        interpreter.execute(request("answer = 42"), new RecordingOutput());
        RecordingOutput output = new RecordingOutput();

        ExecuteOutcome outcome = interpreter.execute(request("%check w01.answer.value"), output);

        assertThat(shell.checks())
                .containsExactly(
                        new ScriptedShell.CheckCall(
                                "assert answer == 42", "<check w01.answer.value>", Duration.ofSeconds(7)),
                        new ScriptedShell.CheckCall(
                                "assert answer - 1 == 41", "<check w01.answer.value>", Duration.ofSeconds(7)));
        ErrorInfo error = ((ExecuteOutcome.Failed) outcome).error();
        assertThat(error.ename()).isEqualTo("CheckFailed");
        assertThat(output.displays()).hasSize(1);
        String report = output.displays().get(0).bundle().plainText();
        assertThat(report).contains("w01.answer.value").contains("Compute it: six times seven.");
        assertThat(outbox()).singleElement().satisfies(attempt -> assertThat(attempt)
                .contains("\"checkId\":\"w01.answer.value\"")
                .contains("\"outcome\":\"failed\"")
                .contains("answer = 42"));
    }

    @Test
    void aFailingPublicTestLeavesTheHiddenOneUnrunAndAPassPassesTheCell() {
        shell.checkRun(new TestRun(new TestOutcome.Failed("assert answer == 42"), ""));
        ExecuteOutcome failed = interpreter.execute(request("%check w01.answer.value"), new RecordingOutput());
        assertThat(shell.checks()).hasSize(1);
        assertThat(failed).isInstanceOf(ExecuteOutcome.Failed.class);

        ExecuteOutcome passed = interpreter.execute(request("%check w01.answer.value"), new RecordingOutput());
        assertThat(shell.checks()).hasSize(3);
        assertThat(passed).isInstanceOf(ExecuteOutcome.Completed.class);
    }

    @Test
    void anUnknownCheckIsAUsageErrorThatSuggestsTheCloseIds() {
        ExecuteOutcome outcome = interpreter.execute(request("%check w01.answer.valeu"), new RecordingOutput());

        ErrorInfo error = ((ExecuteOutcome.Failed) outcome).error();
        assertThat(error.ename()).isEqualTo("UsageError");
        assertThat(error.evalue()).contains("Did you mean: w01.answer.value");
        assertThat(shell.checks()).isEmpty();
    }

    private List<String> outbox() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("outbox"))) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    private static ExecuteRequest request(String code) {
        return new ExecuteRequest(code, false, true, Map.of(), false, Optional.empty());
    }
}
