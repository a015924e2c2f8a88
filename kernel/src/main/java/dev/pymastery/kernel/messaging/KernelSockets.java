package dev.pymastery.kernel.messaging;

import dev.pymastery.wire.Channel;
import dev.pymastery.wire.ConnectionInfo;
import dev.pymastery.wire.MalformedMessageException;
import dev.pymastery.wire.Message;
import dev.pymastery.wire.WireCodec;
import dev.pymastery.wire.WirePoller;
import dev.pymastery.wire.WireSocket;
import dev.pymastery.wire.WireSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's five ZeroMQ sockets. One thread owns the four message sockets and does all reads
 * and writes on them (ZeroMQ sockets are not thread-safe); other threads hand it outgoing messages
 * through {@link #send}, which wakes it through a pipe. The heartbeat echoes on a thread of its own
 * so it answers even while that loop is busy.
 */
final class KernelSockets implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KernelSockets.class.getName());
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final Duration HEARTBEAT_WAIT = Duration.ofMillis(200);
    /** Messages read from one socket before the loop sends what is queued. */
    private static final int BATCH = 32;

    /** Receives each well-formed message; called on the socket thread, so it must not block. */
    interface Inbound {
        void received(Channel channel, Message message);
    }

    private record Outgoing(Channel channel, Message message) {}

    private final WireSockets zmq = new WireSockets();
    private final WireCodec codec;
    private final Inbound inbound;
    private final WireSocket shell;
    private final WireSocket control;
    private final WireSocket stdin;
    private final WireSocket iopub;
    private final WireSocket heartbeat;
    private final Pipe wake;
    private final ConcurrentLinkedQueue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> barriers = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(2);
    private final WarningLimiter warnings = new WarningLimiter(LOG);
    private volatile boolean closing;

    KernelSockets(ConnectionInfo info, WireCodec codec, Inbound inbound) {
        this.codec = codec;
        this.inbound = inbound;
        try {
            wake = Pipe.open();
            wake.source().configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shell = zmq.bind(WireSockets.Kind.ROUTER, info.endpoint(info.shellPort()), LINGER);
        control = zmq.bind(WireSockets.Kind.ROUTER, info.endpoint(info.controlPort()), LINGER);
        stdin = zmq.bind(WireSockets.Kind.ROUTER, info.endpoint(info.stdinPort()), LINGER);
        iopub = zmq.bind(WireSockets.Kind.PUB, info.endpoint(info.iopubPort()), LINGER);
        heartbeat = zmq.bind(WireSockets.Kind.REP, info.endpoint(info.hbPort()), LINGER);
    }

    void start() {
        Thread loop = new Thread(this::loop, "jupyter-sockets");
        loop.setDaemon(true);
        loop.start();
        Thread hb = new Thread(this::echoHeartbeats, "jupyter-heartbeat");
        hb.setDaemon(true);
        hb.start();
    }

    /** Queues a message for sending; safe from any thread, never blocks. */
    void send(Channel channel, Message message) {
        outbox.add(new Outgoing(channel, message));
        poke();
    }

    /**
     * Completes once every shell message that reached the socket before this call has been handed
     * to {@link Inbound}; used to abort the queue after an error without racing the network.
     */
    CompletableFuture<Void> sync() {
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        barriers.add(barrier);
        poke();
        return barrier;
    }

    private void poke() {
        try {
            wake.sink().write(ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "wake-up pipe closed", e);
        }
    }

    private void loop() {
        try (WirePoller poller = zmq.poller()) {
            int wakeIndex = poller.register(wake.source());
            int controlIndex = poller.register(control);
            int shellIndex = poller.register(shell);
            int stdinIndex = poller.register(stdin);
            ByteBuffer drain = ByteBuffer.allocate(256);
            while (true) {
                poller.poll(Duration.ofSeconds(1));
                if (poller.readable(wakeIndex)) {
                    while (wake.source().read(drain.clear()) > 0) {
                        // emptied; the queue says what to do
                    }
                }
                flushOutbox();
                if (closing) {
                    break;
                }
                // A bounded batch from each socket, then back to sending: a flood of requests must
                // not keep replies and a running cell's output from going out.
                if (poller.readable(controlIndex)) {
                    receive(control, Channel.CONTROL, BATCH);
                }
                if (poller.readable(shellIndex)) {
                    receive(shell, Channel.SHELL, BATCH);
                }
                if (poller.readable(stdinIndex)) {
                    receive(stdin, Channel.STDIN, BATCH);
                }
                if (!barriers.isEmpty()) {
                    receive(shell, Channel.SHELL, Integer.MAX_VALUE);
                    CompletableFuture<Void> barrier;
                    while ((barrier = barriers.poll()) != null) {
                        barrier.complete(null);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                LOG.log(Level.ERROR, "socket loop failed; the kernel stops answering", e);
            }
        } finally {
            stopped.countDown();
        }
    }

    private void receive(WireSocket socket, Channel channel, int limit) {
        Optional<List<byte[]>> frames;
        for (int n = 0; n < limit && (frames = socket.receive()).isPresent(); n++) {
            try {
                inbound.received(channel, codec.decode(frames.get()));
            } catch (MalformedMessageException e) {
                warnings.warn(channel + ":" + e.kind(), "dropped a message on " + channel + ": " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "failed to dispatch a message on " + channel, e);
            }
        }
    }

    private void flushOutbox() {
        Outgoing next;
        while ((next = outbox.poll()) != null) {
            WireSocket socket =
                    switch (next.channel()) {
                        case SHELL -> shell;
                        case CONTROL -> control;
                        case STDIN -> stdin;
                        case IOPUB -> iopub;
                    };
            socket.send(codec.encode(next.message()));
        }
    }

    private void echoHeartbeats() {
        try {
            while (!closing) {
                heartbeat.receiveFrame(HEARTBEAT_WAIT).ifPresent(heartbeat::sendFrame);
            }
        } catch (RuntimeException e) {
            if (!closing) {
                LOG.log(Level.WARNING, "heartbeat failed", e);
            }
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Sends what is queued, then closes every socket, waiting up to a second for delivery. Both
     * threads stop first, so no socket is closed while another thread uses it.
     */
    @Override
    public void close() {
        warnings.summarize();
        closing = true;
        poke();
        try {
            stopped.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        zmq.close();
        try {
            wake.sink().close();
            wake.source().close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing wake-up pipe", e);
        }
    }
}
