package dev.pymastery.kernel.check;

import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.progress.client.LearnerProgress;
import dev.pymastery.progress.client.WeekProgress;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code %progress}'s picture of the server's answer: one bar per week or track lab, HTML and ASCII. */
final class ProgressView {
    static final int BAR = 20;

    private ProgressView() {}

    static MimeBundle of(LearnerProgress progress) {
        StringBuilder text = new StringBuilder("Progress of " + progress.learner() + ": " + progress.points() + "/"
                + progress.maxPoints() + " points\n");
        StringBuilder html = new StringBuilder("<div class=\"pymastery-progress\"><b>Progress of ")
                .append(Html.escape(progress.learner()))
                .append("</b>: ")
                .append(progress.points())
                .append("/")
                .append(progress.maxPoints())
                .append(" points<table>");
        for (WeekProgress week : progress.weeks()) {
            String label = week.label() + (week.title().isBlank() ? "" : ": " + week.title());
            String verification = verification(week);
            text.append(String.format(
                    "  %-48s %s %d/%d%s%n",
                    label,
                    asciiBar(week.points(), week.maxPoints()),
                    week.points(),
                    week.maxPoints(),
                    verification.isEmpty() ? "" : "  " + verification));
            int percent = percent(week.points(), week.maxPoints());
            html.append("<tr><td>")
                    .append(Html.escape(label))
                    .append("</td><td><div style=\"width:12em;background:#eee;border-radius:3px\">"
                            + "<div style=\"width:")
                    .append(percent)
                    .append("%;background:#2da44e;height:0.9em;border-radius:3px\"></div></div></td><td>")
                    .append(week.points())
                    .append("/")
                    .append(week.maxPoints())
                    .append("</td><td>")
                    .append(Html.escape(verification))
                    .append("</td></tr>");
        }
        html.append("</table><small>Points count once the server has verified them: it runs your lab's code"
                + " again with hidden tests.</small></div>");
        text.append("Points count once the server has verified them: it runs your lab's code again with hidden"
                + " tests.\n");
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("text/plain", text.toString().stripTrailing());
        data.put("text/html", html.toString());
        return new MimeBundle(data, JsonNodeFactory.instance.objectNode());
    }

    /** "2 verified, 1 passed here and not verified": the checks of a week the kernel and server disagree on. */
    static String verification(WeekProgress week) {
        long verified =
                week.checks().stream().filter(c -> c.state().equals("verified")).count();
        long waiting = week.checks().stream()
                .filter(c -> c.state().equals("passed-unverified"))
                .count();
        if (verified == 0 && waiting == 0) {
            return "";
        }
        String here = waiting + " passed here, not verified yet";
        return verified == 0 ? here : verified + " verified" + (waiting == 0 ? "" : ", " + here);
    }

    static String asciiBar(int points, int max) {
        int filled = max <= 0 ? 0 : (int) Math.round((double) BAR * Math.min(points, max) / max);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    static int percent(int points, int max) {
        return max <= 0 ? 0 : (int) Math.round(100.0 * Math.min(points, max) / max);
    }
}
