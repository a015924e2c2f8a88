package dev.pymastery.kernel.check;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckFormatException;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.magic.LineMagic;
import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.magic.MagicContext;
import dev.pymastery.kernel.magic.MagicUsageException;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code %checks}: this notebook's checks grouped by week file, with title, points, runtime and
 * their state in this session, and how many attempts wait in the outbox.
 */
final class ChecksMagic implements LineMagic {
    private final LabChecks checks;

    ChecksMagic(LabChecks checks) {
        this.checks = checks;
    }

    @Override
    public String name() {
        return "checks";
    }

    @Override
    public String help() {
        return "%checks: this notebook's lab checks and how you did on each in this session";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        if (!args.isBlank()) {
            throw new MagicUsageException("%checks takes no arguments");
        }
        CheckCatalog catalog;
        try {
            catalog = checks.catalogs.catalog();
        } catch (CheckFormatException e) {
            throw new MagicUsageException("a check file is broken: " + e.getMessage());
        }
        if (catalog.weeks().isEmpty()) {
            context.print(
                    "No lab checks here: no *.checks.yaml files were found in " + checks.catalogs.searched() + ".");
            return new Outcome.None();
        }
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<div class=\"pymastery-checks\">");
        for (WeekChecks week : catalog.weeks()) {
            String heading = week.label() + (week.title().isBlank() ? "" : ": " + week.title()) + " ("
                    + week.source().getFileName() + ", " + week.points() + " points)";
            text.append(heading).append('\n');
            html.append("<h4>")
                    .append(Html.escape(heading))
                    .append("</h4><table><tr><th>check</th><th>title</th><th>points</th><th>runtime</th>"
                            + "<th>this session</th></tr>");
            for (CheckSpec check : week.checks()) {
                String state = checks.results.tally(check.id()).describe();
                text.append(String.format(
                        "  %-32s %-44s %3d pts  %-7s  %s%n",
                        check.id(),
                        check.title(),
                        check.points(),
                        check.runtime().key(),
                        state));
                html.append("<tr><td><code>")
                        .append(Html.escape(check.id()))
                        .append("</code></td><td>")
                        .append(Html.escape(check.title()))
                        .append("</td><td>")
                        .append(check.points())
                        .append("</td><td>")
                        .append(check.runtime().key())
                        .append("</td><td>")
                        .append(Html.escape(state))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        String outbox = checks.recorder
                .pending()
                .map(n -> n == 0
                        ? "Every recorded attempt has reached the progress server."
                        : n + (n == 1 ? " attempt waits" : " attempts wait") + " in the outbox for delivery to "
                                + checks.recorder.settings().serverUrl() + ".")
                .orElse("Attempts cannot be recorded: "
                        + checks.recorder.problem().orElse("the outbox is unavailable"));
        text.append(outbox);
        html.append("<p>").append(Html.escape(outbox)).append("</p></div>");
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("text/plain", text.toString());
        data.put("text/html", html.toString());
        context.output().display(new MimeBundle(data, JsonNodeFactory.instance.objectNode()), Optional.empty(), false);
        return new Outcome.None();
    }
}
