package dev.pymastery.kernel.messaging;

import dev.pymastery.wire.Message;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the headers of the messages this kernel sends: one session id per process, RFC 3339 UTC
 * timestamps with microseconds. Thread-safe.
 */
final class Envelopes {
    static final String PROTOCOL_VERSION = "5.3";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final String session = UUID.randomUUID().toString();

    Envelopes(ObjectMapper json) {
        this.json = json;
    }

    ObjectMapper json() {
        return json;
    }

    ObjectNode content() {
        return json.createObjectNode();
    }

    /** A reply on the request's own channel, routed back to the requester. */
    Message reply(Message request, String type, ObjectNode content) {
        return new Message(
                request.identities(), header(type), request.header(), json.createObjectNode(), content, List.of());
    }

    /**
     * An IOPub message parented to {@code parent} ({@code null} for none, e.g. "starting"), with
     * binary buffers after the content and the message's metadata (comms: ipywidgets puts its
     * protocol version there; empty otherwise).
     */
    Message publish(Message parent, String type, ObjectNode content, ObjectNode metadata, List<byte[]> buffers) {
        byte[] topic = ("kernel." + session + "." + type).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ObjectNode parentHeader = parent == null ? json.createObjectNode() : parent.header();
        return new Message(List.of(topic), header(type), parentHeader, metadata, content, buffers);
    }

    /** A request the kernel sends on stdin (input_request), routed to the client that asked. */
    Message request(Message parent, String type, ObjectNode content) {
        return new Message(
                parent.identities(), header(type), parent.header(), json.createObjectNode(), content, List.of());
    }

    private ObjectNode header(String type) {
        ObjectNode header = json.createObjectNode();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("session", session);
        header.put("username", "kernel");
        header.put("date", DATE.format(java.time.Instant.now()));
        header.put("msg_type", type);
        header.put("version", PROTOCOL_VERSION);
        return header;
    }
}
