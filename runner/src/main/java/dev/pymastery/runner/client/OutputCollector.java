package dev.pymastery.runner.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one cell's IOPub messages into nbformat outputs as nbclient stores them: consecutive
 * stream messages of one stream joined, {@code clear_output} (also with {@code wait}) honoured,
 * {@code update_display_data} applied to this cell's outputs with that display id.
 */
final class OutputCollector {
    private final ObjectMapper json;
    private final List<ObjectNode> outputs = new ArrayList<>();
    private final Map<String, List<ObjectNode>> displays = new HashMap<>();
    private boolean clearBeforeNext;
    private OptionalInt executionCount = OptionalInt.empty();

    OutputCollector(ObjectMapper json) {
        this.json = json;
    }

    void accept(String type, ObjectNode content) {
        switch (type) {
            case "stream" ->
                stream(
                        content.path("name").asString("stdout"),
                        content.path("text").asString(""));
            case "display_data" -> add(display("display_data", content), content);
            case "execute_result" -> {
                ObjectNode output = display("execute_result", content);
                JsonNode count = content.path("execution_count");
                output.set("execution_count", count.canConvertToInt() ? count : json.nullNode());
                if (count.canConvertToInt()) {
                    executionCount = OptionalInt.of(count.asInt());
                }
                add(output, content);
            }
            case "error" -> {
                ObjectNode output = json.createObjectNode();
                output.put("output_type", "error");
                output.put("ename", content.path("ename").asString(""));
                output.put("evalue", content.path("evalue").asString(""));
                output.set(
                        "traceback",
                        content.path("traceback").isArray() ? content.get("traceback") : json.createArrayNode());
                add(output, content);
            }
            case "clear_output" -> {
                if (content.path("wait").asBoolean(false)) {
                    clearBeforeNext = true;
                } else {
                    clear();
                }
            }
            case "update_display_data" -> {
                String id = content.path("transient").path("display_id").asString("");
                for (ObjectNode shown : displays.getOrDefault(id, List.of())) {
                    shown.set("data", content.path("data").deepCopy());
                    shown.set("metadata", content.path("metadata").deepCopy());
                }
            }
            default -> {
                // execute_input, comm messages and the like carry no output
            }
        }
    }

    List<ObjectNode> outputs() {
        return List.copyOf(outputs);
    }

    OptionalInt executionCount() {
        return executionCount;
    }

    void executionCount(int count) {
        executionCount = OptionalInt.of(count);
    }

    private void stream(String name, String text) {
        if (clearBeforeNext) {
            clear();
        }
        if (!outputs.isEmpty()) {
            ObjectNode last = outputs.getLast();
            if (last.path("output_type").asString("").equals("stream")
                    && last.path("name").asString("").equals(name)) {
                last.put("text", last.path("text").asString("") + text);
                return;
            }
        }
        ObjectNode output = json.createObjectNode();
        output.put("output_type", "stream");
        output.put("name", name);
        output.put("text", text);
        outputs.add(output);
    }

    private ObjectNode display(String type, ObjectNode content) {
        ObjectNode output = json.createObjectNode();
        output.put("output_type", type);
        output.set("data", content.path("data").isObject() ? content.get("data").deepCopy() : json.createObjectNode());
        output.set(
                "metadata",
                content.path("metadata").isObject() ? content.get("metadata").deepCopy() : json.createObjectNode());
        return output;
    }

    private void add(ObjectNode output, ObjectNode content) {
        if (clearBeforeNext) {
            clear();
        }
        outputs.add(output);
        String id = content.path("transient").path("display_id").asString("");
        if (!id.isEmpty()) {
            displays.computeIfAbsent(id, key -> new ArrayList<>()).add(output);
        }
    }

    private void clear() {
        outputs.clear();
        displays.clear();
        clearBeforeNext = false;
    }
}
