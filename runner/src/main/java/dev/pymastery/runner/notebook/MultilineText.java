package dev.pymastery.runner.notebook;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * nbformat's multi-line strings: on disk a string or a list of lines, in memory one string. Splits
 * as Python's {@code str.splitlines(keepends=True)} does, which is what nbformat writes.
 */
public final class MultilineText {
    private MultilineText() {}

    /** One string from a string or a list of strings; anything else reads as empty. */
    public static String join(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode line : node) {
                text.append(line.asString(""));
            }
            return text.toString();
        }
        return node.asString("");
    }

    /** The lines of {@code text}, each keeping its line end; empty text gives no lines. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                lines.add(text.substring(start, i + 2));
                i += 2;
                start = i;
            } else if (isLineBreak(c)) {
                lines.add(text.substring(start, i + 1));
                i++;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** {@code text} as nbformat writes it: a JSON list of its lines. */
    public static ArrayNode split(String text) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        lines(text).forEach(array::add);
        return array;
    }

    // The line boundaries of Python's str.splitlines.
    private static boolean isLineBreak(char c) {
        return switch (c) {
            case '\n', '\r', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }
}
