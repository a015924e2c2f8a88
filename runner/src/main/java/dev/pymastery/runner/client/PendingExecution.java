package dev.pymastery.runner.client;

import dev.pymastery.wire.Channel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** One execute_request in flight: its outputs so far, whether it has replied and gone idle. */
final class PendingExecution {
    private final String requestId;
    private final OutputCollector outputs;
    private ObjectNode reply;
    private boolean idle;
    private long lastActivity = System.nanoTime();

    PendingExecution(String requestId, ObjectMapper json) {
        this.requestId = requestId;
        this.outputs = new OutputCollector(json);
    }

    /** Takes in a message if it belongs to this request; others (late, unrelated) are ignored. */
    void accept(Received received) {
        if (!received.parentId().equals(requestId)) {
            return;
        }
        lastActivity = System.nanoTime();
        String type = received.message().type();
        ObjectNode content = received.message().content();
        if (received.channel() == Channel.SHELL && type.equals("execute_reply")) {
            reply = content;
            JsonNode count = content.path("execution_count");
            if (count.canConvertToInt()) {
                outputs.executionCount(count.asInt());
            }
        } else if (received.channel() == Channel.IOPUB) {
            if (type.equals("status")) {
                idle |= content.path("execution_state").asString("").equals("idle");
            } else {
                outputs.accept(type, content);
            }
        }
    }

    boolean replied() {
        return reply != null;
    }

    boolean done() {
        return reply != null && idle;
    }

    long lastActivityNanos() {
        return lastActivity;
    }

    OutputCollector outputs() {
        return outputs;
    }

    String status() {
        return reply == null ? "none" : reply.path("status").asString("ok");
    }
}
