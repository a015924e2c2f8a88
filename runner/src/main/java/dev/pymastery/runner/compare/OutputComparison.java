package dev.pymastery.runner.compare;

import dev.pymastery.runner.notebook.MultilineText;
import dev.pymastery.runner.notebook.Outputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares a cell's stored outputs with a fresh run's as nbval does. Both sides are flattened into
 * one list of values per key: a stream's merged text under its name ({@code stdout},
 * {@code stderr}), each MIME type of display data and results under the MIME type, an error under
 * {@code ename}. Images, metadata, execution counts, traceback text and widget model ids are left
 * out; sanitizers apply to every value on both sides. The keys must match, then each key's values
 * in order.
 */
public final class OutputComparison {
    private static final ObjectMapper CANONICAL_JSON =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private final ComparisonOptions options;

    public OutputComparison(ComparisonOptions options) {
        this.options = options;
    }

    /** The differences, empty when the outputs agree. */
    public Optional<OutputDifference> compare(List<ObjectNode> stored, List<ObjectNode> fresh) {
        Map<String, List<String>> before = flatten(stored);
        Map<String, List<String>> after = flatten(fresh);
        List<OutputDifference.Entry> entries = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            List<String> expected = before.getOrDefault(key, List.of());
            List<String> actual = after.getOrDefault(key, List.of());
            if (!expected.equals(actual)) {
                entries.add(new OutputDifference.Entry(key, expected, actual));
            }
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(new OutputDifference(entries));
    }

    /** The compared values per key, after stream merging and sanitizing. */
    Map<String, List<String>> flatten(List<ObjectNode> outputs) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (ObjectNode output : StreamText.coalesce(outputs)) {
            switch (output.path("output_type").asString("")) {
                case "stream" ->
                    put(
                            values,
                            output.path("name").asString("stdout"),
                            output.path("text").asString(""));
                case "error" -> {
                    put(values, "ename", output.path("ename").asString(""));
                    if (options.compareErrorValues()) {
                        put(values, "evalue", output.path("evalue").asString(""));
                    }
                }
                case "display_data", "execute_result" -> {
                    for (Map.Entry<String, JsonNode> data : output.path("data").properties()) {
                        if (compared(data.getKey())) {
                            put(values, data.getKey(), text(data.getKey(), data.getValue()));
                        }
                    }
                }
                default -> {
                    // unknown output types carry nothing nbval compares
                }
            }
        }
        return values;
    }

    private boolean compared(String mimeType) {
        if (mimeType.equals("application/vnd.jupyter.widget-view+json")) {
            return false; // model ids are random
        }
        return options.compareImages() || !mimeType.startsWith("image/") || mimeType.equals("image/svg+xml");
    }

    private static String text(String mimeType, JsonNode value) {
        if (Outputs.isJsonMimeType(mimeType) && !value.isString()) {
            return CANONICAL_JSON.writeValueAsString(value);
        }
        return value.isString() ? value.stringValue() : MultilineText.join(value);
    }

    private void put(Map<String, List<String>> values, String key, String value) {
        values.computeIfAbsent(key, k -> new ArrayList<>())
                .add(options.sanitizer().apply(value));
    }
}
