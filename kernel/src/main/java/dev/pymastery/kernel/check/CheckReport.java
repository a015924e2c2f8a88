package dev.pymastery.kernel.check;

import dev.pymastery.checks.CheckSpec;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.runtime.TestOutcome;
import dev.pymastery.kernel.runtime.TestRun;
import dev.pymastery.progress.client.AttemptOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code %check} shows for one attempt: a function of the check, the test's outcome and the
 * hint only, so the same learner code gives the same output on every run (notebooks store it and
 * the notebook runner compares it). No durations, times or delivery state.
 *
 * @param outcome never {@link TestOutcome.Interrupted}: an interrupted check is not reported
 * @param hint the hint for this failure, when the check failed and has hints
 */
record CheckReport(CheckSpec check, TestOutcome outcome, String output, Optional<SessionResults.Hint> hint) {

    static CheckReport of(CheckSpec check, TestRun run, Optional<SessionResults.Hint> hint) {
        return new CheckReport(check, run.outcome(), run.output(), hint);
    }

    boolean passed() {
        return outcome instanceof TestOutcome.Passed;
    }

    int score() {
        return passed() ? check.points() : 0;
    }

    AttemptOutcome attemptOutcome() {
        return switch (outcome) {
            case TestOutcome.Passed p -> AttemptOutcome.PASSED;
            case TestOutcome.Failed f -> AttemptOutcome.FAILED;
            case TestOutcome.TimedOut t -> AttemptOutcome.FAILED;
            case TestOutcome.Raised r -> AttemptOutcome.ERROR;
            case TestOutcome.Interrupted i -> AttemptOutcome.ERROR;
        };
    }

    /** One line: what went wrong (empty when passed). The CheckFailed error and the attempt carry it. */
    String problem() {
        return switch (outcome) {
            case TestOutcome.Passed p -> "";
            case TestOutcome.Failed f ->
                f.message().isBlank() ? "an expectation of the check did not hold" : f.message();
            case TestOutcome.TimedOut t ->
                "did not finish within " + seconds(t.limit().toMillis()) + " (an infinite loop?)";
            case TestOutcome.Raised r -> r.evalue().isEmpty() ? r.ename() : r.ename() + ": " + r.evalue();
            case TestOutcome.Interrupted i -> "interrupted";
        };
    }

    /** The CheckFailed error's message. */
    String summary() {
        return check.id() + " failed: " + problem();
    }

    private String heading() {
        return check.id() + " · " + check.title();
    }

    private String verdict() {
        return (passed() ? "PASSED" : "FAILED") + " · " + score() + "/" + check.points() + " points";
    }

    /** The display: text/html and its text/plain twin. */
    MimeBundle bundle() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("text/plain", text());
        data.put("text/html", html());
        return new MimeBundle(data, JsonNodeFactory.instance.objectNode());
    }

    String text() {
        List<String> lines = new ArrayList<>();
        lines.add((passed() ? "✔ " : "✘ ") + heading());
        lines.add(verdict());
        switch (outcome) {
            case TestOutcome.Failed f -> lines.add("Expected: " + problem());
            case TestOutcome.Raised r -> {
                lines.add("Your code raised " + problem());
                lines.addAll(r.traceback());
            }
            case TestOutcome.TimedOut t -> lines.add("The check " + problem());
            case TestOutcome.Passed p -> {}
            case TestOutcome.Interrupted i -> {}
        }
        hint.ifPresent(h -> lines.add("Hint " + h.number() + "/" + h.count() + ": " + h.text()));
        if (!output.isEmpty()) {
            lines.add("Your code printed during the check:");
            output.lines().forEach(line -> lines.add("  " + line));
        }
        return String.join("\n", lines);
    }

    String html() {
        String colour = passed() ? "#1a7f37" : "#cf222e";
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"pymastery-check\" style=\"border-left:4px solid ")
                .append(colour)
                .append(";padding:0.3em 0.8em;margin:0.3em 0\">");
        html.append("<div><b style=\"color:")
                .append(colour)
                .append("\">")
                .append(passed() ? "✔ PASSED" : "✘ FAILED")
                .append("</b> <code>")
                .append(Html.escape(check.id()))
                .append("</code> ")
                .append(Html.escape(check.title()))
                .append(" <span style=\"float:right\">")
                .append(score())
                .append("/")
                .append(check.points())
                .append(" points</span></div>");
        switch (outcome) {
            case TestOutcome.Failed f ->
                html.append("<div>Expected: ").append(Html.escape(problem())).append("</div>");
            case TestOutcome.Raised r -> {
                html.append("<div>Your code raised <code>")
                        .append(Html.escape(problem()))
                        .append("</code></div>");
                if (!r.traceback().isEmpty()) {
                    html.append("<pre>")
                            .append(Html.escape(String.join("\n", r.traceback())))
                            .append("</pre>");
                }
            }
            case TestOutcome.TimedOut t ->
                html.append("<div>The check ").append(Html.escape(problem())).append("</div>");
            case TestOutcome.Passed p -> {}
            case TestOutcome.Interrupted i -> {}
        }
        hint.ifPresent(h -> html.append("<div>💡 Hint ")
                .append(h.number())
                .append("/")
                .append(h.count())
                .append(": ")
                .append(Html.escape(h.text()))
                .append("</div>"));
        if (!output.isEmpty()) {
            html.append("<details><summary>Your code printed during the check</summary><pre>")
                    .append(Html.escape(output))
                    .append("</pre></details>");
        }
        return html.append("</div>").toString();
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
