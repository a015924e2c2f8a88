package dev.pymastery.server.verify;

import dev.pymastery.checks.CheckSpec;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.TestOutcome;
import dev.pymastery.kernel.runtime.TestRun;
import dev.pymastery.kernel.runtime.container.CPythonRuntime;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import dev.pymastery.kernel.runtime.container.KernelIdentity;
import dev.pymastery.kernel.runtime.container.RuntimeConfigException;
import dev.pymastery.progress.client.Submission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/**
 * Verifies a submission in a fresh container of the kernel's runtimes, configured as a kernel's
 * are (the server's environment: {@code DOCKER_HOST}, {@code PYMASTERY_RUNTIME_*}): writes the
 * submitted files, runs the lab's cells (a cell that raises does not stop the rest, as a learner's
 * notebook would go on), then the check's public and hidden tests. The container is removed after.
 */
final class ContainerVerifier {
    /** How long one replayed cell may run; a lab's cells are quick, a demonstration is skipped past. */
    static final Duration CELL_LIMIT = Duration.ofSeconds(60);

    /** Defines what the kernel turns line magics into: the server runs none of them. */
    private static final String PRELUDE = """
            def _pymastery_line_magic(name, args=""):
                print("(the server's re-run skips %" + name + ")")
            def _pymastery_cell_magic(name, args="", cell=""):
                print("(the server's re-run skips %%" + name + ")")
            """;

    private final Map<String, String> env;
    private final ObjectMapper json;

    ContainerVerifier(Map<String, String> env, ObjectMapper json) {
        this.env = Map.copyOf(env);
        this.json = json;
    }

    VerifyResult verify(CheckSpec check, Submission submission, long jobId) {
        Replay replay = Replay.of(check.runtime(), submission);
        ReplayOutput output = new ReplayOutput();
        try (CPythonRuntimes runtimes = CPythonRuntimes.create(env, KernelIdentity.current("verify-" + jobId), json)) {
            CPythonRuntime runtime;
            try {
                runtime = runtimes.runtime(replay.runtime());
            } catch (RuntimeConfigException | RuntimeUnavailableException e) {
                return new VerifyResult.Unverifiable(
                        "the server has no '" + replay.runtime() + "' runtime to run this check in: " + e.getMessage(),
                        false);
            }
            int count = 0;
            for (String step : prepend(PRELUDE, replay.steps())) {
                count++;
                CellResult result = runtime.run(
                        new Cell(step, "<cell " + count + ">", count, false), output, Optional.of(CELL_LIMIT));
                if (result instanceof CellResult.Failed failed
                        && failed.error().ename().equals("RuntimeUnavailable")) {
                    return new VerifyResult.Unverifiable(failed.error().evalue(), true);
                }
            }
            String file = "<check " + check.id() + ">";
            for (String test : check.tests()) {
                TestRun run = runtime.check(test, file, check.timeout(), output);
                if (!(run.outcome() instanceof TestOutcome.Passed)) {
                    return new VerifyResult.Failed(describe(run.outcome(), output.errors(), replay.skipped()));
                }
            }
            return new VerifyResult.Passed();
        } catch (RuntimeUnavailableException e) {
            return new VerifyResult.Unverifiable(e.getMessage(), true);
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream())
                .toList();
    }

    private static String describe(TestOutcome outcome, List<String> cellErrors, List<String> skipped) {
        String what =
                switch (outcome) {
                    case TestOutcome.Failed failed ->
                        "a test failed: " + (failed.message().isBlank() ? "(no message)" : failed.message());
                    case TestOutcome.Raised raised -> "the code raised " + raised.ename() + ": " + raised.evalue();
                    case TestOutcome.TimedOut timedOut ->
                        "a test did not finish within " + timedOut.limit().toSeconds() + " s";
                    case TestOutcome.Interrupted interrupted -> "the test was interrupted";
                    case TestOutcome.Passed passed -> "passed";
                };
        StringBuilder reason = new StringBuilder(what);
        if (!cellErrors.isEmpty()) {
            reason.append(" (the lab's cells raised: ")
                    .append(String.join("; ", cellErrors.subList(0, Math.min(3, cellErrors.size()))));
            reason.append(cellErrors.size() > 3 ? "; ...)" : ")");
        }
        if (!skipped.isEmpty()) {
            reason.append(" [not run on the server: ")
                    .append(String.join("; ", skipped))
                    .append("]");
        }
        return reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason.toString();
    }
}
