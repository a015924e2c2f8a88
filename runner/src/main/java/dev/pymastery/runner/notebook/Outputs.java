package dev.pymastery.runner.notebook;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Output objects (nbformat's {@code outputs} entries) and MIME bundles between their on-disk and
 * in-memory forms, by nbformat's own rules ({@code rejoin_lines} / {@code split_lines}).
 */
public final class Outputs {
    private static final Set<String> SPLIT_NON_TEXT = Set.of("application/javascript", "image/svg+xml");

    private Outputs() {}

    /** JSON MIME types keep their JSON value; every other MIME type's value is text. */
    public static boolean isJsonMimeType(String mimeType) {
        return mimeType.equals("application/json")
                || (mimeType.startsWith("application/") && mimeType.endsWith("+json"));
    }

    /** A copy with stream text and MIME data as single strings. */
    public static ObjectNode joined(ObjectNode output) {
        ObjectNode copy = output.deepCopy();
        String type = copy.path("output_type").asString("");
        if (type.equals("execute_result") || type.equals("display_data")) {
            if (copy.get("data") instanceof ObjectNode data) {
                joinBundle(data);
            }
        } else if (copy.get("text") instanceof JsonNode text && text.isArray()) {
            copy.put("text", MultilineText.join(text));
        }
        return copy;
    }

    /** A copy as nbformat writes it: stream text and textual MIME data as lists of lines. */
    public static ObjectNode split(ObjectNode output) {
        ObjectNode copy = output.deepCopy();
        String type = copy.path("output_type").asString("");
        if (type.equals("execute_result") || type.equals("display_data")) {
            if (copy.get("data") instanceof ObjectNode data) {
                splitBundle(data);
            }
        } else if (type.equals("stream") && copy.get("text") instanceof JsonNode text && text.isString()) {
            copy.set("text", MultilineText.split(text.stringValue()));
        }
        return copy;
    }

    /** Joins, in place, every non-JSON value of a MIME bundle that is a list of strings. */
    static void joinBundle(ObjectNode bundle) {
        for (Map.Entry<String, JsonNode> entry : bundle.properties()) {
            JsonNode value = entry.getValue();
            if (!isJsonMimeType(entry.getKey())
                    && value.isArray()
                    && value.valueStream().allMatch(JsonNode::isString)) {
                entry.setValue(bundle.stringNode(MultilineText.join(value)));
            }
        }
    }

    /** Splits, in place, the string values of {@code text/*} and a few other MIME types. */
    static void splitBundle(ObjectNode bundle) {
        for (Map.Entry<String, JsonNode> entry : bundle.properties()) {
            String key = entry.getKey();
            if (entry.getValue().isString() && (key.startsWith("text/") || SPLIT_NON_TEXT.contains(key))) {
                entry.setValue(MultilineText.split(entry.getValue().stringValue()));
            }
        }
    }
}
