package dev.pymastery.runner.curriculum;

/**
 * One {@code %check} cell of a notebook and how it ended on the solution and on the stub. It is
 * proven when it passed on the solution and failed on the stub.
 *
 * @param cell the cell's label in the instructor notebook
 */
public record CheckRow(String checkId, String cell, CheckOutcome solution, CheckOutcome stub) {

    public boolean proven() {
        return solution instanceof CheckOutcome.Passed && stub instanceof CheckOutcome.Failed;
    }

    /** Why the row is not proven; empty when it is. */
    public String problem() {
        if (proven()) {
            return "";
        }
        StringBuilder why = new StringBuilder(checkId).append(" (").append(cell).append("): ");
        if (!(solution instanceof CheckOutcome.Passed)) {
            why.append("must pass on the solution but ").append(solution.describe());
            if (!solution.detail().isEmpty()) {
                why.append(" (").append(firstLine(solution.detail())).append(")");
            }
            if (!(stub instanceof CheckOutcome.Failed)) {
                why.append("; ");
            }
        }
        if (stub instanceof CheckOutcome.Passed) {
            why.append("PASSES ON THE STUB: the check does not test the learner's work");
        } else if (!(stub instanceof CheckOutcome.Failed)) {
            why.append("must fail on the stub with ")
                    .append(CheckOutcome.CHECK_FAILED)
                    .append(" but ")
                    .append(stub.describe());
            if (!stub.detail().isEmpty()) {
                why.append(" (").append(firstLine(stub.detail())).append(")");
            }
        }
        return why.toString();
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}
