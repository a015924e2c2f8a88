package dev.pymastery.runner.report;

import dev.pymastery.runner.notebook.CodeCell;
import java.util.List;
import java.util.regex.Pattern;

/** The text that explains a cell's verdict, shared by the console and JUnit XML reports. */
public final class CellReports {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");
    private static final int SOURCE_LINES = 12;

    private CellReports() {}

    /** The details of a failing or updated verdict: diff, traceback or message; empty otherwise. */
    public static String details(CellVerdict verdict) {
        return switch (verdict) {
            case CellVerdict.Passed p -> "";
            case CellVerdict.Skipped s -> "";
            case CellVerdict.Updated u -> u.difference();
            case CellVerdict.OutputsDiffer d -> d.difference();
            case CellVerdict.Raised r -> indent(withoutAnsi(String.join("\n", r.traceback())));
            case CellVerdict.TimedOut t -> indent(t.message());
            case CellVerdict.KernelLost k -> indent(k.message());
        };
    }

    /** The first lines of the cell's source, indented, for a failure report. */
    public static String source(CodeCell cell) {
        List<String> lines = cell.source().lines().toList();
        StringBuilder out = new StringBuilder();
        lines.stream()
                .limit(SOURCE_LINES)
                .forEach(line -> out.append("    | ").append(line).append('\n'));
        if (lines.size() > SOURCE_LINES) {
            out.append("    | ... (").append(lines.size() - SOURCE_LINES).append(" more lines)\n");
        }
        return out.toString();
    }

    /** Text without terminal colour codes (ipykernel colours its tracebacks). */
    public static String withoutAnsi(String text) {
        return ANSI.matcher(text).replaceAll("");
    }

    private static String indent(String text) {
        StringBuilder out = new StringBuilder();
        text.lines().forEach(line -> out.append("    ").append(line).append('\n'));
        return out.toString();
    }
}
