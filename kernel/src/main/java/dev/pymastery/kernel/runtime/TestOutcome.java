package dev.pymastery.kernel.runtime;

import java.time.Duration;
import java.util.List;

/** How a check's hidden test ended. */
public sealed interface TestOutcome {
    /** Every expectation held. */
    record Passed() implements TestOutcome {}

    /** An {@code assert} of the test failed; {@code message} is its message (may be empty). */
    record Failed(String message) implements TestOutcome {}

    /**
     * The learner's code (or the test, on the learner's objects) raised.
     *
     * @param traceback formatted frames of the learner's code only, never of the hidden test
     */
    record Raised(String ename, String evalue, List<String> traceback) implements TestOutcome {
        public Raised {
            traceback = List.copyOf(traceback);
        }
    }

    /** The test ran past its time limit and was interrupted. */
    record TimedOut(Duration limit) implements TestOutcome {}

    /** The learner interrupted the kernel while the test ran. */
    record Interrupted() implements TestOutcome {}
}
