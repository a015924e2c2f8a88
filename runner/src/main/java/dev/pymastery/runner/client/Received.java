package dev.pymastery.runner.client;

import dev.pymastery.wire.Channel;
import dev.pymastery.wire.Message;

/** A message that arrived from the kernel, and on which channel. */
record Received(Channel channel, Message message) {

    String parentId() {
        return message.parentHeader().path("msg_id").asString("");
    }
}
