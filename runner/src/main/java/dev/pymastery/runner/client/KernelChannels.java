package dev.pymastery.runner.client;

import dev.pymastery.wire.Channel;
import dev.pymastery.wire.ConnectionInfo;
import dev.pymastery.wire.Message;
import dev.pymastery.wire.WireCodec;
import dev.pymastery.wire.WirePoller;
import dev.pymastery.wire.WireSocket;
import dev.pymastery.wire.WireSockets;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * The client's shell and control (DEALER) and IOPub (SUB) sockets. Owned by one thread: ZeroMQ
 * sockets are not thread-safe, and neither is the codec. Messages that fail to decode (bad
 * signature, bad JSON) are logged and dropped.
 */
final class KernelChannels implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KernelChannels.class.getName());

    private final WireCodec codec;
    private final WireSocket shell;
    private final WireSocket control;
    private final WireSocket iopub;
    private final WirePoller poller;
    private final ArrayDeque<Received> pending = new ArrayDeque<>();

    KernelChannels(WireSockets zmq, ConnectionInfo info, WireCodec codec) {
        this.codec = codec;
        shell = zmq.connect(WireSockets.Kind.DEALER, info.endpoint(info.shellPort()), Duration.ZERO);
        control = zmq.connect(WireSockets.Kind.DEALER, info.endpoint(info.controlPort()), Duration.ZERO);
        iopub = zmq.connect(WireSockets.Kind.SUB, info.endpoint(info.iopubPort()), Duration.ZERO);
        poller = zmq.poller();
        poller.register(shell);
        poller.register(control);
        poller.register(iopub);
    }

    void send(Channel channel, Message message) {
        WireSocket socket =
                switch (channel) {
                    case SHELL -> shell;
                    case CONTROL -> control;
                    case IOPUB, STDIN -> throw new IllegalArgumentException("the runner does not send on " + channel);
                };
        socket.send(codec.encode(message));
    }

    /** The next message from the kernel, waiting up to {@code timeout}; empty if none came. */
    Optional<Received> next(Duration timeout) {
        if (pending.isEmpty() && poller.poll(timeout) > 0) {
            drain(Channel.SHELL, shell);
            drain(Channel.CONTROL, control);
            drain(Channel.IOPUB, iopub);
        }
        return Optional.ofNullable(pending.poll());
    }

    private void drain(Channel channel, WireSocket socket) {
        Optional<List<byte[]>> frames;
        while ((frames = socket.receive()).isPresent()) {
            try {
                pending.add(new Received(channel, codec.decode(frames.get())));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "dropped a malformed message on " + channel + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        poller.close();
        for (WireSocket socket : List.of(shell, control, iopub)) {
            socket.close();
        }
    }
}
