package dev.pymastery.runner.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Pings the kernel's heartbeat socket once a second on a thread of its own and reports the kernel
 * dead once no echo came for longer than the limit. A REQ socket that missed its reply is replaced
 * (it cannot send again before it receives), as jupyter_client does.
 */
final class Heartbeat implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);

    private final ZContext zmq;
    private final String endpoint;
    private final Duration limit;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean closed;

    Heartbeat(ZContext zmq, String endpoint, Duration limit, String kernelName) {
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
        ZMQ.Socket socket = socket();
        long lastBeat = System.nanoTime();
        try {
            while (!closed) {
                long sent = System.nanoTime();
                socket.send(PING);
                socket.setReceiveTimeOut((int) INTERVAL.toMillis());
                byte[] echo = socket.recv();
                if (closed) {
                    return;
                }
                if (echo != null) {
                    lastBeat = System.nanoTime();
                    pause(INTERVAL.toNanos() - (lastBeat - sent));
                } else {
                    zmq.destroySocket(socket);
                    socket = socket();
                    if (System.nanoTime() - lastBeat > limit.toNanos()) {
                        failure.set("the kernel's heartbeat went unanswered for " + limit.toSeconds() + " s");
                        return;
                    }
                }
            }
        } finally {
            zmq.destroySocket(socket);
        }
    }

    private ZMQ.Socket socket() {
        ZMQ.Socket socket = zmq.createSocket(SocketType.REQ);
        socket.setLinger(0);
        socket.connect(endpoint);
        return socket;
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
