package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.notebook.CodeCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code cell that runs {@code %check ID}. By the curriculum's convention such a cell holds that one
 * line (comments and blank lines aside), so the cell's outcome is the check's outcome.
 *
 * @param ids the check ids its {@code %check} lines name, in order (one in a well-formed cell)
 * @param otherCode whether the cell holds code besides its {@code %check} lines
 */
record CheckCell(CodeCell cell, List<String> ids, boolean otherCode) {
    private static final Pattern CHECK_LINE = Pattern.compile("^\\s*%check(?:\\s+(.*))?$");

    CheckCell {
        ids = List.copyOf(ids);
    }

    /** The cell as a check cell, when any of its lines is a {@code %check} line. */
    static Optional<CheckCell> of(CodeCell cell) {
        List<String> ids = new ArrayList<>();
        boolean other = false;
        for (String line : cell.source().split("\\R", -1)) {
            Matcher matcher = CHECK_LINE.matcher(line);
            if (matcher.matches()) {
                ids.add(id(matcher.group(1)));
            } else if (!line.isBlank() && !line.strip().startsWith("#")) {
                other = true;
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(new CheckCell(cell, ids, other));
    }

    /** Every check cell of the notebook's code cells, in order. */
    static List<CheckCell> in(List<CodeCell> cells) {
        return cells.stream().flatMap(cell -> of(cell).stream()).toList();
    }

    /** The first argument that is not an option; empty when the line names no check. */
    private static String id(String arguments) {
        if (arguments == null) {
            return "";
        }
        for (String word : arguments.strip().split("\\s+")) {
            if (!word.startsWith("-")) {
                return word;
            }
        }
        return "";
    }
}
