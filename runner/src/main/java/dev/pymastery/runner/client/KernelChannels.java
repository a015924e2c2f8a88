package dev.pymastery.runner.client;

import dev.pymastery.kernel.messaging.Channel;
import dev.pymastery.kernel.messaging.ConnectionInfo;
import dev.pymastery.kernel.messaging.Message;
import dev.pymastery.kernel.messaging.WireCodec;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The client's shell and control (DEALER) and IOPub (SUB) sockets. Owned by one thread: ZeroMQ
 * sockets are not thread-safe, and neither is the codec. Messages that fail to decode (bad
 * signature, bad JSON) are logged and dropped.
 */
final class KernelChannels implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KernelChannels.class.getName());

    private final ZContext zmq;
    private final WireCodec codec;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final ZMQ.Poller poller;
    private final ArrayDeque<Received> pending = new ArrayDeque<>();

    KernelChannels(ZContext zmq, ConnectionInfo info, WireCodec codec) {
        this.zmq = zmq;
        this.codec = codec;
        shell = connect(SocketType.DEALER, info.endpoint(info.shellPort()));
        control = connect(SocketType.DEALER, info.endpoint(info.controlPort()));
        iopub = connect(SocketType.SUB, info.endpoint(info.iopubPort()));
        iopub.subscribe(new byte[0]);
        poller = zmq.createPoller(3);
        poller.register(shell, ZMQ.Poller.POLLIN);
        poller.register(control, ZMQ.Poller.POLLIN);
        poller.register(iopub, ZMQ.Poller.POLLIN);
    }

    private ZMQ.Socket connect(SocketType type, String endpoint) {
        ZMQ.Socket socket = zmq.createSocket(type);
        socket.setLinger(0);
        socket.connect(endpoint);
        return socket;
    }

    void send(Channel channel, Message message) {
        ZMQ.Socket socket =
                switch (channel) {
                    case SHELL -> shell;
                    case CONTROL -> control;
                    case IOPUB, STDIN -> throw new IllegalArgumentException("the runner does not send on " + channel);
                };
        List<byte[]> frames = codec.encode(message);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** The next message from the kernel, waiting up to {@code timeout}; empty if none came. */
    Optional<Received> next(Duration timeout) {
        if (pending.isEmpty() && poller.poll(Math.max(0, timeout.toMillis())) > 0) {
            drain(Channel.SHELL, shell);
            drain(Channel.CONTROL, control);
            drain(Channel.IOPUB, iopub);
        }
        return Optional.ofNullable(pending.poll());
    }

    private void drain(Channel channel, ZMQ.Socket socket) {
        while (true) {
            byte[] first = socket.recv(ZMQ.DONTWAIT);
            if (first == null) {
                return;
            }
            List<byte[]> frames = new ArrayList<>();
            frames.add(first);
            while (socket.hasReceiveMore()) {
                frames.add(socket.recv());
            }
            try {
                pending.add(new Received(channel, codec.decode(frames)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "dropped a malformed message on " + channel + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        poller.close();
        for (ZMQ.Socket socket : new ZMQ.Socket[] {shell, control, iopub}) {
            zmq.destroySocket(socket);
        }
    }
}
