package dev.pymastery.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a Jupyter connection file says: where the five sockets bind and how messages are signed.
 *
 * @param transport {@code tcp} or {@code ipc}
 * @param key the HMAC key; empty means messages are not signed
 * @param signatureScheme e.g. {@code hmac-sha256}
 */
public record ConnectionInfo(
        String transport,
        String ip,
        int shellPort,
        int iopubPort,
        int stdinPort,
        int controlPort,
        int hbPort,
        String key,
        String signatureScheme) {

    public ConnectionInfo {
        if (!transport.equals("tcp") && !transport.equals("ipc")) {
            throw new IllegalArgumentException("transport must be tcp or ipc, not '" + transport + "'");
        }
        if (ip.isBlank()) {
            throw new IllegalArgumentException("ip is empty");
        }
        for (int port : new int[] {shellPort, iopubPort, stdinPort, controlPort, hbPort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** Reads a connection file as written by jupyter_client. */
    public static ConnectionInfo read(Path file, ObjectMapper json) {
        try {
            return parse(json.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connection file " + file, e);
        }
    }

    public static ConnectionInfo parse(JsonNode node) {
        return new ConnectionInfo(
                node.path("transport").asString("tcp"),
                node.path("ip").asString("127.0.0.1"),
                port(node, "shell_port"),
                port(node, "iopub_port"),
                port(node, "stdin_port"),
                port(node, "control_port"),
                port(node, "hb_port"),
                node.path("key").asString(""),
                node.path("signature_scheme").asString("hmac-sha256"));
    }

    private static int port(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException("connection file has no valid '" + name + "'");
        }
        return value.asInt();
    }

    /** The ZeroMQ endpoint for one of this connection's ports. */
    public String endpoint(int port) {
        return transport.equals("tcp") ? "tcp://" + ip + ":" + port : "ipc://" + ip + "-" + port;
    }
}
