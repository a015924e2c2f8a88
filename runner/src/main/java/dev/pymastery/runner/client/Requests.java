package dev.pymastery.runner.client;

import dev.pymastery.wire.Message;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds the client's requests: one session id per kernel connection, protocol 5.3 headers. */
final class Requests {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final String session = UUID.randomUUID().toString();

    Requests(ObjectMapper json) {
        this.json = json;
    }

    Message kernelInfo() {
        return request("kernel_info_request", json.createObjectNode());
    }

    /**
     * An execute_request as nbclient sends it for a notebook cell: history stored (so execution
     * counts run 1, 2, 3...), no stdin, errors do not abort later requests.
     */
    Message execute(String code, boolean silent) {
        return execute(code, silent, Optional.empty());
    }

    /** The same, naming the notebook cell in {@code metadata.cellId} as JupyterLab does. */
    Message execute(String code, boolean silent, Optional<String> cellId) {
        ObjectNode content = json.createObjectNode();
        content.put("code", code);
        content.put("silent", silent);
        content.put("store_history", !silent);
        content.putObject("user_expressions");
        content.put("allow_stdin", false);
        content.put("stop_on_error", false);
        Message request = request("execute_request", content);
        cellId.ifPresent(id -> request.metadata().put("cellId", id));
        return request;
    }

    Message interrupt() {
        return request("interrupt_request", json.createObjectNode());
    }

    Message shutdown() {
        return request("shutdown_request", json.createObjectNode().put("restart", false));
    }

    private Message request(String type, ObjectNode content) {
        ObjectNode header = json.createObjectNode();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("session", session);
        header.put("username", "pymastery-nbval");
        header.put("date", DATE.format(Instant.now()));
        header.put("msg_type", type);
        header.put("version", "5.3");
        return new Message(List.of(), header, json.createObjectNode(), json.createObjectNode(), content, List.of());
    }
}
