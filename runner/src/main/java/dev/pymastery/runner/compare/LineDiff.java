package dev.pymastery.runner.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line diff for people: lines only in the stored text start with {@code -}, lines only in the
 * fresh text with {@code +}, and up to three unchanged lines are kept around each change.
 */
final class LineDiff {
    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000L;

    private LineDiff() {}

    private record Line(char mark, String text) {}

    /** The diff of two texts, each line prefixed by {@code indent}; ends with a newline. */
    static String diff(String stored, String fresh, String indent) {
        String[] a = lines(stored);
        String[] b = lines(fresh);
        List<Line> lines = (long) a.length * b.length > MAX_CELLS ? whole(a, b) : lcs(a, b);
        StringBuilder out = new StringBuilder();
        int lastShown = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!nearChange(lines, i)) {
                continue;
            }
            if (lastShown >= 0 && i > lastShown + 1) {
                out.append(indent).append("  ...\n");
            }
            Line line = lines.get(i);
            out.append(indent)
                    .append(line.mark())
                    .append(' ')
                    .append(visible(line.text()))
                    .append('\n');
            lastShown = i;
        }
        return out.toString();
    }

    /** The lines of a text; a missing final newline shows as a line of its own, as in diff(1). */
    private static String[] lines(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        if (text.endsWith("\n")) {
            return text.substring(0, text.length() - 1).split("\n", -1);
        }
        String[] lines = text.split("\n", -1);
        String[] marked = Arrays.copyOf(lines, lines.length + 1);
        marked[lines.length] = "\\ (no newline at end)";
        return marked;
    }

    private static boolean nearChange(List<Line> lines, int index) {
        for (int j = Math.max(0, index - CONTEXT); j <= Math.min(lines.size() - 1, index + CONTEXT); j++) {
            if (lines.get(j).mark() != ' ') {
                return true;
            }
        }
        return false;
    }

    // Shows characters that would otherwise hide a difference.
    private static String visible(String text) {
        return text.replace("\r", "\\r").replace("\t", "\\t").replace("\b", "\\b");
    }

    private static List<Line> whole(String[] a, String[] b) {
        List<Line> lines = new ArrayList<>();
        for (String line : a) {
            lines.add(new Line('-', line));
        }
        for (String line : b) {
            lines.add(new Line('+', line));
        }
        return lines;
    }

    private static List<Line> lcs(String[] a, String[] b) {
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line(' ', a[i++]));
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new Line('-', a[i++]));
            } else {
                lines.add(new Line('+', b[j++]));
            }
        }
        return lines;
    }
}
