package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.notebook.MultilineText;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the solution regions of a cell's source, as nbgrader does. A region runs from a line
 * {@code ### BEGIN SOLUTION} to a line {@code ### END SOLUTION} (markers alone on their line, any
 * indentation) and becomes, at the BEGIN marker's indentation, {@code # YOUR CODE HERE} and {@code
 * raise NotImplementedError()} in code cells, {@code YOUR ANSWER HERE} in markdown cells. Lines
 * outside the regions stay as they are. Any other line that mentions {@code BEGIN SOLUTION} or
 * {@code END SOLUTION} is an error, so a misspelt marker never lets a solution through.
 */
final class SolutionRegions {
    static final String BEGIN = "### BEGIN SOLUTION";
    static final String END = "### END SOLUTION";
    // The line boundaries of Python's str.splitlines, which nbformat uses.
    private static final String LINE_BREAKS = "\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029";

    /** The kind of cell, which decides the stub. */
    enum Kind {
        CODE,
        MARKDOWN
    }

    /** A marker that cannot be used, with its line number in the cell (from 1). */
    record Problem(int line, String message) {}

    /** The stubbed source, or the problems that kept it from being made (then {@code source} is the input). */
    record Stubbed(String source, int regions, List<Problem> problems) {
        Stubbed {
            problems = List.copyOf(problems);
        }

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private SolutionRegions() {}

    static Stubbed stub(String source, Kind kind) {
        List<String> lines = MultilineText.lines(source);
        List<Problem> problems = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        int begin = 0; // line number of the open region's BEGIN, 0 outside a region
        String indent = "";
        int regions = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String content = withoutLineEnd(line);
            String stripped = content.strip();
            int number = i + 1;
            if (stripped.equals(BEGIN)) {
                if (begin != 0) {
                    problems.add(new Problem(
                            number, "nested " + BEGIN + " (the region opened on line " + begin + " is not closed)"));
                } else {
                    begin = number;
                    indent = content.substring(0, content.indexOf('#'));
                }
            } else if (stripped.equals(END)) {
                if (begin == 0) {
                    problems.add(new Problem(number, END + " without a " + BEGIN + " before it"));
                } else {
                    out.append(stubText(kind, indent, lineEnd(line)));
                    begin = 0;
                    regions++;
                }
            } else if (stripped.contains("BEGIN SOLUTION") || stripped.contains("END SOLUTION")) {
                problems.add(new Problem(
                        number, "a marker must be alone on its line, exactly '" + BEGIN + "' or '" + END + "'"));
            } else if (begin == 0) {
                out.append(line);
            }
        }
        if (begin != 0) {
            problems.add(new Problem(begin, BEGIN + " is never closed by " + END));
        }
        return problems.isEmpty() ? new Stubbed(out.toString(), regions, List.of()) : new Stubbed(source, 0, problems);
    }

    private static String stubText(Kind kind, String indent, String lineEnd) {
        return switch (kind) {
            case CODE ->
                indent + "# YOUR CODE HERE" + (lineEnd.isEmpty() ? "\n" : lineEnd) + indent
                        + "raise NotImplementedError()" + lineEnd;
            case MARKDOWN -> indent + "YOUR ANSWER HERE" + lineEnd;
        };
    }

    private static String withoutLineEnd(String line) {
        return line.substring(0, line.length() - lineEnd(line).length());
    }

    private static String lineEnd(String line) {
        if (line.endsWith("\r\n")) {
            return "\r\n";
        }
        if (!line.isEmpty() && LINE_BREAKS.indexOf(line.charAt(line.length() - 1)) >= 0) {
            return line.substring(line.length() - 1);
        }
        return "";
    }
}
