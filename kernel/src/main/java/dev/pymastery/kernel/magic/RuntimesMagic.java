package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import dev.pymastery.kernel.runtime.container.RuntimeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code %runtimes}: each CPython runtime with its engine, image, interpreter, GIL and state. */
final class RuntimesMagic implements LineMagic {
    private static final List<String> HEADERS = List.of("runtime", "engine", "image", "python", "GIL", "state");

    private final CPythonRuntimes runtimes;

    RuntimesMagic(CPythonRuntimes runtimes) {
        this.runtimes = runtimes;
    }

    @Override
    public String name() {
        return "runtimes";
    }

    @Override
    public String help() {
        return "%runtimes: the CPython runtimes (image, engine, interpreter, GIL, running or not)";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        if (!args.isBlank()) {
            throw new MagicUsageException("%runtimes takes no arguments");
        }
        List<RuntimeStatus> statuses;
        try {
            statuses = runtimes.statuses();
        } catch (RuntimeUnavailableException e) {
            return new Outcome.Failed(e.getMessage());
        }
        List<List<String>> rows = new ArrayList<>();
        for (RuntimeStatus status : statuses) {
            rows.add(List.of(
                    status.name(),
                    status.engine(),
                    status.where(),
                    status.python().orElse("(known once started)"),
                    status.gil().map(gil -> gil ? "enabled" : "disabled").orElse("?"),
                    status.session()
                            .map(id -> "running (" + id + ", " + status.cells()
                                    + (status.cells() == 1 ? " cell)" : " cells)"))
                            .orElse("stopped")));
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("text/plain", text(rows) + "\n%%cpython NAME runs a cell in one; %runtime restart|stop NAME.");
        data.put("text/html", html(rows));
        context.output().display(new MimeBundle(data, JsonNodeFactory.instance.objectNode()), Optional.empty(), false);
        return new Outcome.None();
    }

    static String text(List<List<String>> rows) {
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : concat(rows)) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : concat(rows)) {
            for (int i = 0; i < row.size(); i++) {
                text.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static List<List<String>> concat(List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADERS);
        all.addAll(rows);
        return all;
    }

    private static String html(List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        HEADERS.forEach(h -> html.append("<th>").append(h).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
