package dev.pymastery.kernel.runtime.container.engine;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Just enough HTTP/1.1 for the Docker Engine API over a Unix socket: one connection per request,
 * bodies by Content-Length or chunked, streamed JSON lines (pulls), and the connection upgrade
 * that attach uses to hand over the raw stream.
 */
final class UnixHttpClient {
    private final Path socket;

    UnixHttpClient(Path socket) {
        this.socket = socket;
    }

    Path socket() {
        return socket;
    }

    /** A response with its whole body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** An upgraded connection: the raw stream in both directions. */
    record Upgraded(SocketChannel channel, InputStream in, OutputStream out) {}

    Response call(String method, String path, byte[] body) {
        try (SocketChannel channel = connect()) {
            InputStream in = ChannelStreams.in(channel);
            send(channel, method, path, body, false);
            Head head = readHead(in);
            return new Response(head.status, head.headers, readBody(head, in));
        } catch (IOException e) {
            throw new EngineException(
                    "the container engine at " + socket + " did not answer " + method + " " + path + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Calls an endpoint that streams its body; each line goes to {@code lines} as it arrives. */
    Response stream(String method, String path, byte[] body, Consumer<String> lines) {
        try (SocketChannel channel = connect()) {
            InputStream in = ChannelStreams.in(channel);
            send(channel, method, path, body, false);
            Head head = readHead(in);
            if (head.status >= 300) {
                return new Response(head.status, head.headers, readBody(head, in));
            }
            InputStream content = head.chunked() ? new ChunkedInputStream(in) : in;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = content.read()) >= 0) {
                if (b == '\n') {
                    lines.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                lines.accept(line.toString(StandardCharsets.UTF_8));
            }
            return new Response(head.status, head.headers, new byte[0]);
        } catch (IOException e) {
            throw new EngineException(
                    "the container engine at " + socket + " stopped answering " + method + " " + path + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Sends a request asking to upgrade the connection; on 101 (or 200) the raw stream is yours. */
    Upgraded upgrade(String method, String path) {
        SocketChannel channel = null;
        try {
            channel = connect();
            InputStream in = ChannelStreams.in(channel);
            send(channel, method, path, new byte[0], true);
            Head head = readHead(in);
            if (head.status != 101 && head.status != 200) {
                String text = new String(readBody(head, in), StandardCharsets.UTF_8);
                channel.close();
                throw new EngineException(head.status, EngineException.messageOf(text));
            }
            return new Upgraded(channel, in, ChannelStreams.out(channel));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new EngineException("the container engine at " + socket + " refused to attach: " + e.getMessage(), e);
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static void send(SocketChannel channel, String method, String path, byte[] body, boolean upgrade)
            throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: docker\r\nUser-Agent: pymastery\r\n");
        if (body.length > 0) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append(upgrade ? "Connection: Upgrade\r\nUpgrade: tcp\r\n" : "Connection: close\r\n");
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        ChannelStreams.out(channel).write(all);
    }

    private record Head(int status, Map<String, String> headers) {
        boolean chunked() {
            return headers.getOrDefault("transfer-encoding", "")
                    .toLowerCase(Locale.ROOT)
                    .contains("chunked");
        }

        long length() {
            String value = headers.get("content-length");
            return value == null ? -1 : Long.parseLong(value.strip());
        }
    }

    private static Head readHead(InputStream in) throws IOException {
        String status = readLine(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + status);
        }
        Map<String, String> headers = new TreeMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        return new Head(Integer.parseInt(parts[1]), headers);
    }

    private static byte[] readBody(Head head, InputStream in) throws IOException {
        if (head.status == 204 || head.status == 304 || head.status == 101) {
            return new byte[0];
        }
        if (head.chunked()) {
            return new ChunkedInputStream(in).readAllBytes();
        }
        long length = head.length();
        return length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
    }

    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
        throw new EOFException("connection closed in the middle of a response");
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The body of a chunked response, without the chunk framing. */
    private static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = readLine(in);
                int semicolon = size.indexOf(';');
                left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                if (left == 0) {
                    done = true;
                    readLine(in);
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("connection closed in the middle of a chunk");
            }
            left -= n;
            if (left == 0) {
                readLine(in);
            }
            return n;
        }
    }
}
