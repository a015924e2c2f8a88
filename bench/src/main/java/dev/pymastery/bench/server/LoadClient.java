package dev.pymastery.bench.server;

import dev.pymastery.checks.CheckSpec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One keep-alive HTTP/1.1 connection that posts attempts as fast as answers come back (a closed
 * loop) and records each request's latency. Deliberately minimal, so the client's CPU cost stays
 * small next to the server's on a shared machine.
 */
final class LoadClient {
    private final String host;
    private final int port;
    private final String token;
    private final String worker;
    private final List<CheckSpec> checks;
    private long[] latencies = new long[1 << 16];
    private int count;
    private int errors;
    private long sequence;

    LoadClient(String host, int port, String token, String worker, List<CheckSpec> checks) {
        this.host = host;
        this.port = port;
        this.token = token;
        this.worker = worker;
        this.checks = checks;
    }

    /** Posts until {@code endNanos}; latencies are kept only from {@code measureFromNanos} on. */
    void run(long measureFromNanos, long endNanos) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            while (true) {
                long start = System.nanoTime();
                if (start >= endNanos) {
                    return;
                }
                out.write(request());
                out.flush();
                int status = readResponse(in);
                long took = System.nanoTime() - start;
                if (start >= measureFromNanos) {
                    if (status == 201 || status == 200) {
                        record(took);
                    } else {
                        errors++;
                    }
                }
            }
        }
    }

    private byte[] request() {
        // A failed attempt scoring 0 of the check's points: what the server accepts (issue 12's rules).
        CheckSpec check = checks.get((int) (sequence % checks.size()));
        String body = "{\"idempotencyKey\":\"" + worker + "-" + sequence++ + "\",\"checkId\":\"" + check.id()
                + "\",\"outcome\":\"failed\",\"score\":0,\"maxScore\":" + check.points()
                + ",\"message\":\"expected 2, got 3\","
                + "\"durationMs\":12,\"runtime\":\"graalpy\",\"attemptedAt\":\"" + Instant.now() + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/attempts HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + bytes.length);
        System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
        return all;
    }

    /** Reads one response; returns its status. Bodies are skipped by Content-Length. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void record(long nanos) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = nanos;
    }

    long[] latencies() {
        return Arrays.copyOf(latencies, count);
    }

    int errors() {
        return errors;
    }
}
