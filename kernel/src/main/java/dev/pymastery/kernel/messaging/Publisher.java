package dev.pymastery.kernel.messaging;

import dev.pymastery.wire.Channel;
import dev.pymastery.wire.Message;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Sends messages on behalf of one request: replies, IOPub messages and stdin requests. */
final class Publisher {
    private final Envelopes envelopes;
    private final KernelSockets sockets;

    Publisher(Envelopes envelopes, KernelSockets sockets) {
        this.envelopes = envelopes;
        this.sockets = sockets;
    }

    Envelopes envelopes() {
        return envelopes;
    }

    void reply(Channel channel, Message request, String type, ObjectNode content) {
        sockets.send(channel, envelopes.reply(request, type, content));
    }

    void publish(Message parent, String type, ObjectNode content) {
        publish(parent, type, content, envelopes.content(), List.of());
    }

    void publish(Message parent, String type, ObjectNode content, ObjectNode metadata, List<byte[]> buffers) {
        sockets.send(Channel.IOPUB, envelopes.publish(parent, type, content, metadata, buffers));
    }

    void status(Message parent, String state) {
        ObjectNode content = envelopes.content();
        content.put("execution_state", state);
        publish(parent, "status", content);
    }

    void askStdin(Message parent, ObjectNode content) {
        sockets.send(Channel.STDIN, envelopes.request(parent, "input_request", content));
    }
}
