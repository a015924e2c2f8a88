package dev.pymastery.runner.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stream outputs as a terminal would show them: all output of one stream merged into one output
 * (at the place of its first part), backspaces applied, and text before a carriage return that
 * is not followed by a newline dropped.
 */
final class StreamText {
    private static final Pattern BACKSPACE = Pattern.compile("[^\n\b]\b");
    private static final Pattern CARRIAGE_RETURN =
            Pattern.compile("^.*\r(?=[^\n])", Pattern.MULTILINE | Pattern.UNIX_LINES);

    private StreamText() {}

    /** The outputs with each stream's parts merged and its control characters applied. */
    static List<ObjectNode> coalesce(List<ObjectNode> outputs) {
        List<ObjectNode> merged = new ArrayList<>();
        Map<String, ObjectNode> streams = new LinkedHashMap<>();
        for (ObjectNode output : outputs) {
            if (output.path("output_type").asString("").equals("stream")) {
                String name = output.path("name").asString("stdout");
                ObjectNode stream = streams.get(name);
                if (stream == null) {
                    stream = output.deepCopy();
                    streams.put(name, stream);
                    merged.add(stream);
                } else {
                    stream.put(
                            "text",
                            stream.path("text").asString("")
                                    + output.path("text").asString(""));
                }
            } else {
                merged.add(output);
            }
        }
        streams.values()
                .forEach(stream -> stream.put("text", render(stream.path("text").asString(""))));
        return merged;
    }

    /** Applies {@code \b} (until none is left to apply) and {@code \r} as a terminal would. */
    static String render(String text) {
        String previous;
        do {
            previous = text;
            text = BACKSPACE.matcher(text).replaceAll("");
        } while (text.length() < previous.length());
        return CARRIAGE_RETURN.matcher(text).replaceAll("");
    }
}
