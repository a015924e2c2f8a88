package dev.pymastery.runner.client;

import dev.pymastery.wire.ConnectionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes the connection file a kernel reads, as jupyter_client does (readable by the owner only). */
final class ConnectionFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConnectionFile() {}

    /** Fresh connection details on {@code ip}: five ports from {@code ports}, a random HMAC key. */
    static ConnectionInfo fresh(String ip, PortAllocator ports) {
        List<Integer> five = ports.reserve(5);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new ConnectionInfo(
                "tcp",
                ip,
                five.get(0),
                five.get(1),
                five.get(2),
                five.get(3),
                five.get(4),
                HexFormat.of().formatHex(key),
                "hmac-sha256");
    }

    static void write(Path file, ConnectionInfo info, String kernelName, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("shell_port", info.shellPort());
        node.put("iopub_port", info.iopubPort());
        node.put("stdin_port", info.stdinPort());
        node.put("control_port", info.controlPort());
        node.put("hb_port", info.hbPort());
        node.put("ip", info.ip());
        node.put("key", info.key());
        node.put("transport", info.transport());
        node.put("signature_scheme", info.signatureScheme());
        node.put("kernel_name", kernelName);
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write connection file " + file, e);
        }
    }
}
