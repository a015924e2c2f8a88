package dev.pymastery.tests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What one request produced: the reply and every IOPub message parented to it, in arrival order.
 *
 * @param stdin an input_request the kernel sent, when it asked for input
 */
public record Execution(
        String msgId, JsonNode reply, List<JsonNode> iopub, Optional<JsonNode> stdin, boolean timedOut) {

    public String status() {
        return reply.path("content").path("status").asString("");
    }

    public JsonNode content() {
        return reply.path("content");
    }

    public List<String> types() {
        return iopub.stream().map(m -> m.path("msg_type").asString("")).toList();
    }

    public List<JsonNode> of(String type) {
        return iopub.stream()
                .filter(m -> m.path("msg_type").asString("").equals(type))
                .toList();
    }

    /** All text of one stream, in order. */
    public String stream(String name) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : of("stream")) {
            if (message.path("content").path("name").asString("").equals(name)) {
                text.append(message.path("content").path("text").asString(""));
            }
        }
        return text.toString();
    }

    public String stdout() {
        return stream("stdout");
    }

    /** text/plain of the execute_result; empty when the cell had none. */
    public String result() {
        return of("execute_result").stream()
                .findFirst()
                .map(m -> m.path("content").path("data").path("text/plain").asString(""))
                .orElse("");
    }

    public JsonNode resultData() {
        return of("execute_result").get(0).path("content").path("data");
    }

    public Optional<JsonNode> error() {
        return of("error").stream().findFirst().map(m -> m.path("content"));
    }

    public String traceback() {
        List<String> lines = new ArrayList<>();
        error().ifPresent(e -> e.path("traceback").forEach(l -> lines.add(l.asString(""))));
        return String.join("\n", lines);
    }
}
