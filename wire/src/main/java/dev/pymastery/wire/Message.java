package dev.pymastery.wire;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Jupyter message. Headers stay JSON objects so a parent header is echoed back exactly as the
 * client sent it.
 *
 * @param identities the ROUTER routing prefix; empty on IOPub
 */
public record Message(
        List<byte[]> identities,
        ObjectNode header,
        ObjectNode parentHeader,
        ObjectNode metadata,
        ObjectNode content,
        List<byte[]> buffers) {

    public Message {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    public String type() {
        return header.path("msg_type").asString("");
    }

    public String id() {
        return header.path("msg_id").asString("");
    }

    public String session() {
        return header.path("session").asString("");
    }
}
