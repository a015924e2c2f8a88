package dev.pymastery.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What one request produced: the reply and every IOPub message parented to it, in arrival order,
 * each with {@code t}, the seconds from the request's send to its arrival at the client.
 *
 * @param stdin an input_request the kernel sent, when it asked for input
 * @param seconds from the request's send to the end of the collection (its idle status)
 */
public record Execution(
        String msgId,
        JsonNode reply,
        List<JsonNode> iopub,
        Optional<JsonNode> stdin,
        boolean timedOut,
        double seconds) {

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

    public String stderr() {
        return stream("stderr");
    }

    /** The contents of the IOPub messages of one type, in order. */
    public List<JsonNode> contents(String type) {
        return of(type).stream().map(m -> m.path("content")).toList();
    }

    /** Whether the reply says ok. */
    public boolean ok() {
        return status().equals("ok");
    }

    /** The reply's exception name; empty when it is not an error. */
    public String ename() {
        return content().path("ename").asString("");
    }

    public String evalue() {
        return content().path("evalue").asString("");
    }

    /** Seconds after the request when the first IOPub message of this type arrived; NaN if none. */
    public double firstArrival(String type) {
        return of(type).stream()
                .mapToDouble(m -> m.path("t").asDouble())
                .findFirst()
                .orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return "Execution" + iopub + " -> " + reply;
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
