package dev.pymastery.kernel.runtime;

import dev.pymastery.kernel.cell.ErrorInfo;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * How a hidden test ran against the learner's namespace, in any runtime.
 *
 * @param outcome what happened
 * @param output what the learner's code printed while the test ran (captured, not streamed; truncated)
 */
public record TestRun(TestOutcome outcome, String output) {
    /** At most this much captured output is kept. */
    public static final int MAX_OUTPUT = 2_000;

    public TestRun {
        output = output.length() <= MAX_OUTPUT ? output : output.substring(0, MAX_OUTPUT) + "\n… (output truncated)";
    }

    /**
     * Reads the JSON both runtime helpers ({@code run_check}) return: {@code status} passed, failed
     * ({@code message}), error ({@code ename}, {@code evalue}, {@code traceback} lines of the learner's
     * frames) or interrupted, plus {@code output}.
     *
     * @param timedOut whether the kernel interrupted the test because its time was up
     */
    public static TestRun fromJson(JsonNode node, boolean timedOut, Duration limit) {
        String output = node.path("output").asString("");
        String status = node.path("status").asString("");
        if (timedOut && !status.equals("passed")) {
            return new TestRun(new TestOutcome.TimedOut(limit), output);
        }
        TestOutcome outcome =
                switch (status) {
                    case "passed" -> new TestOutcome.Passed();
                    case "failed" -> new TestOutcome.Failed(node.path("message").asString(""));
                    case "interrupted" -> new TestOutcome.Interrupted();
                    default -> {
                        ErrorInfo error = ErrorInfo.fromJson(node);
                        yield new TestOutcome.Raised(error.ename(), error.evalue(), error.traceback());
                    }
                };
        return new TestRun(outcome, output);
    }
}
