package dev.pymastery.kernel.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel's five ZeroMQ sockets. One thread owns the four message sockets and does all reads
 * and writes on them (ZeroMQ sockets are not thread-safe); other threads hand it outgoing messages
 * through {@link #send}, which wakes it through a pipe. The heartbeat echoes on a thread of its own
 * so it answers even while that loop is busy.
 */
final class KernelSockets implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KernelSockets.class.getName());
    private static final int LINGER_MS = 1000;
    /** Messages read from one socket before the loop sends what is queued. */
    private static final int BATCH = 32;

    /** Receives each well-formed message; called on the socket thread, so it must not block. */
    interface Inbound {
        void received(Channel channel, Message message);
    }

    private record Outgoing(Channel channel, Message message) {}

    private final ZContext zmq = new ZContext(1);
    private final WireCodec codec;
    private final Inbound inbound;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket heartbeat;
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
        shell = bind(SocketType.ROUTER, info.endpoint(info.shellPort()));
        control = bind(SocketType.ROUTER, info.endpoint(info.controlPort()));
        stdin = bind(SocketType.ROUTER, info.endpoint(info.stdinPort()));
        iopub = bind(SocketType.PUB, info.endpoint(info.iopubPort()));
        heartbeat = bind(SocketType.REP, info.endpoint(info.hbPort()));
        heartbeat.setReceiveTimeOut(200);
    }

    private ZMQ.Socket bind(SocketType type, String endpoint) {
        ZMQ.Socket socket = zmq.createSocket(type);
        socket.setLinger(LINGER_MS);
        if (type == SocketType.ROUTER) {
            socket.setRouterHandover(true);
        }
        if (!socket.bind(endpoint)) {
            throw new IllegalStateException("cannot bind " + endpoint);
        }
        return socket;
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
        try (ZMQ.Poller poller = zmq.createPoller(4)) {
            int wakeIndex = poller.register(wake.source(), ZMQ.Poller.POLLIN);
            int controlIndex = poller.register(control, ZMQ.Poller.POLLIN);
            int shellIndex = poller.register(shell, ZMQ.Poller.POLLIN);
            int stdinIndex = poller.register(stdin, ZMQ.Poller.POLLIN);
            ByteBuffer drain = ByteBuffer.allocate(256);
            while (true) {
                poller.poll(1000);
                if (poller.pollin(wakeIndex)) {
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
                if (poller.pollin(controlIndex)) {
                    receive(control, Channel.CONTROL, BATCH);
                }
                if (poller.pollin(shellIndex)) {
                    receive(shell, Channel.SHELL, BATCH);
                }
                if (poller.pollin(stdinIndex)) {
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

    private void receive(ZMQ.Socket socket, Channel channel, int limit) {
        List<byte[]> frames;
        for (int n = 0; n < limit && (frames = receive(socket)) != null; n++) {
            try {
                inbound.received(channel, codec.decode(frames));
            } catch (MalformedMessageException e) {
                warnings.warn(channel + ":" + e.kind(), "dropped a message on " + channel + ": " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "failed to dispatch a message on " + channel, e);
            }
        }
    }

    private static List<byte[]> receive(ZMQ.Socket socket) {
        byte[] first = socket.recv(ZMQ.DONTWAIT);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    private void flushOutbox() {
        Outgoing next;
        while ((next = outbox.poll()) != null) {
            ZMQ.Socket socket =
                    switch (next.channel()) {
                        case SHELL -> shell;
                        case CONTROL -> control;
                        case STDIN -> stdin;
                        case IOPUB -> iopub;
                    };
            List<byte[]> frames = codec.encode(next.message());
            for (int i = 0; i < frames.size(); i++) {
                socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
            }
        }
    }

    private void echoHeartbeats() {
        try {
            while (!closing) {
                byte[] ping = heartbeat.recv(0);
                if (ping != null) {
                    heartbeat.send(ping, 0);
                }
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
