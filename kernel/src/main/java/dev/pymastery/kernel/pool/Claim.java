package dev.pymastery.kernel.pool;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a launcher hands a spare: the connection file Jupyter wrote, and the working directory and
 * environment Jupyter started the kernel with. Sent as a small binary record over the Unix socket.
 */
record Claim(Path connectionFile, Path cwd, Map<String, String> env) {
    private static final int MAGIC = 0x504d4b31; // "PMK1"

    Claim {
        env = Map.copyOf(env);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        text(out, connectionFile.toString());
        text(out, cwd.toString());
        out.writeInt(env.size());
        for (Map.Entry<String, String> entry : env.entrySet()) {
            text(out, entry.getKey());
            text(out, entry.getValue());
        }
        out.flush();
    }

    /** Reads a claim; {@link EOFException} when the other side closed without one (a stop). */
    static Claim read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a PyMastery launcher");
        }
        Path connection = Path.of(text(in));
        Path cwd = Path.of(text(in));
        int count = in.readInt();
        if (count < 0 || count > 100_000) {
            throw new IOException("bad environment size " + count);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            env.put(text(in), text(in));
        }
        return new Claim(connection, cwd, env);
    }

    static void text(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (16 << 20)) {
            throw new IOException("bad string length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
