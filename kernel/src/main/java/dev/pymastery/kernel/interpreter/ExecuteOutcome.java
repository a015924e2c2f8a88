package dev.pymastery.kernel.interpreter;

import dev.pymastery.kernel.cell.ErrorInfo;
import java.util.Map;

/** How a cell ended. */
public sealed interface ExecuteOutcome {
    int executionCount();

    /** The cell ran to the end; user expressions were evaluated after it. */
    record Completed(int executionCount, Map<String, ExpressionValue> userExpressions) implements ExecuteOutcome {
        public Completed {
            userExpressions = Map.copyOf(userExpressions);
        }
    }

    /** The cell raised (or was interrupted); the error was already published. */
    record Failed(int executionCount, ErrorInfo error) implements ExecuteOutcome {}
}
