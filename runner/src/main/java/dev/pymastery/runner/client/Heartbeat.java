package dev.pymastery.runner.client;

import dev.pymastery.wire.WireSocket;
import dev.pymastery.wire.WireSockets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pings the kernel's heartbeat socket once a second on a thread of its own and reports the kernel
 * dead once no echo came for longer than the limit. A REQ socket that missed its reply is replaced
 * (it cannot send again before it receives), as jupyter_client does.
 */
final class Heartbeat implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);

    private final WireSockets zmq;
    private final String endpoint;
    private final Duration limit;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean closed;

    Heartbeat(WireSockets zmq, String endpoint, Duration limit, String kernelName) {
        this.zmq = zmq;
        this.endpoint = endpoint;
        this.limit = limit;
        this.thread = new Thread(this::run, "heartbeat-" + kernelName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Why the kernel counts as dead, once the heartbeat has stopped answering. */
    Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    private void run() {
        WireSocket socket = socket();
        long lastBeat = System.nanoTime();
        try {
            while (!closed) {
                long sent = System.nanoTime();
                socket.sendFrame(PING);
                byte[] echo = socket.receiveFrame(INTERVAL).orElse(null);
                if (closed) {
                    return;
                }
                if (echo != null) {
                    lastBeat = System.nanoTime();
                    pause(INTERVAL.toNanos() - (lastBeat - sent));
                } else {
                    socket.close();
                    socket = socket();
                    if (System.nanoTime() - lastBeat > limit.toNanos()) {
                        failure.set("the kernel's heartbeat went unanswered for " + limit.toSeconds() + " s");
                        return;
                    }
                }
            }
        } finally {
            socket.close();
        }
    }

    private WireSocket socket() {
        return zmq.connect(WireSockets.Kind.REQ, endpoint, Duration.ZERO);
    }

    // Waits out the interval, or less when closing. Never interrupts: an interrupt can close the
    // NIO channels ZeroMQ works with.
    private void pause(long nanos) {
        try {
            closing.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        closing.countDown();
        try {
            thread.join(INTERVAL.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
