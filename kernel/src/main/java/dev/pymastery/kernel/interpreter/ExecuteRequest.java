package dev.pymastery.kernel.interpreter;

import java.util.Map;
import java.util.Optional;

/**
 * A cell to run, with the client's wishes.
 *
 * @param silent run quietly: no execute_input, no execute_result, nothing in history
 * @param storeHistory count the cell and keep it in history (always false when silent)
 * @param userExpressions expressions to evaluate after the cell, by name
 * @param allowStdin whether {@code input()} may ask the client
 * @param cellId the notebook cell's id, when the client names it (JupyterLab sends
 *     {@code metadata.cellId}; so does the notebook runner)
 */
public record ExecuteRequest(
        String code,
        boolean silent,
        boolean storeHistory,
        Map<String, String> userExpressions,
        boolean allowStdin,
        Optional<String> cellId) {
    public ExecuteRequest {
        userExpressions = Map.copyOf(userExpressions);
        storeHistory = storeHistory && !silent;
        cellId = cellId.filter(id -> !id.isBlank() && id.length() <= 200);
    }

    public static ExecuteRequest of(String code) {
        return new ExecuteRequest(code, false, true, Map.of(), true, Optional.empty());
    }
}
