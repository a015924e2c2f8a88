package dev.pymastery.kernel.cell;

import java.util.List;

/**
 * Completions for the text before the cursor. Offsets count Unicode code points, as the protocol
 * says.
 *
 * @param matches candidate texts that replace {@code [cursorStart, cursorEnd)}
 * @param types for each match, a kind such as {@code function}, {@code module}, {@code keyword}
 */
public record Completion(List<String> matches, int cursorStart, int cursorEnd, List<String> types) {
    public Completion {
        matches = List.copyOf(matches);
        types = List.copyOf(types);
        if (types.size() != matches.size()) {
            throw new IllegalArgumentException("one type per match");
        }
        if (cursorStart > cursorEnd) {
            throw new IllegalArgumentException("cursorStart after cursorEnd");
        }
    }

    public static Completion none(int cursor) {
        return new Completion(List.of(), cursor, cursor, List.of());
    }
}
