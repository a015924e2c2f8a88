package dev.pymastery.kernel.check;

import dev.pymastery.checks.client.LearnerProgress;
import dev.pymastery.checks.client.WeekProgress;
import dev.pymastery.kernel.cell.MimeBundle;
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
            text.append(String.format(
                    "  %-48s %s %d/%d%n",
                    label, asciiBar(week.points(), week.maxPoints()), week.points(), week.maxPoints()));
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
                    .append("</td></tr>");
        }
        html.append("</table></div>");
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("text/plain", text.toString().stripTrailing());
        data.put("text/html", html.toString());
        return new MimeBundle(data, JsonNodeFactory.instance.objectNode());
    }

    static String asciiBar(int points, int max) {
        int filled = max <= 0 ? 0 : (int) Math.round((double) BAR * Math.min(points, max) / max);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    static int percent(int points, int max) {
        return max <= 0 ? 0 : (int) Math.round(100.0 * Math.min(points, max) / max);
    }
}
