package dev.pymastery.wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** One ZeroMQ socket ({@link WireSockets} makes them): multipart messages in and out. */
public final class WireSocket implements AutoCloseable {
    private final ZContext zmq;
    final ZMQ.Socket socket;

    WireSocket(ZContext zmq, ZMQ.Socket socket) {
        this.zmq = zmq;
        this.socket = socket;
    }

    /** Sends the frames of one message ({@link WireCodec#encode}). */
    public void send(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** The frames of the next message if one is waiting; never blocks. */
    public Optional<List<byte[]>> receive() {
        return rest(socket.recv(ZMQ.DONTWAIT));
    }

    /** The frames of the next message, waiting up to {@code timeout}; empty when none came. */
    public Optional<List<byte[]>> receive(Duration timeout) {
        socket.setReceiveTimeOut((int) Math.max(0, timeout.toMillis()));
        return rest(socket.recv(0));
    }

    /** The message whose first frame is {@code first} (null: none came), its other frames read now. */
    private Optional<List<byte[]>> rest(byte[] first) {
        if (first == null) {
            return Optional.empty();
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return Optional.of(frames);
    }

    /** Sends one frame (a heartbeat's ping or echo). */
    public void sendFrame(byte[] frame) {
        socket.send(frame, 0);
    }

    /** The next single frame, waiting up to {@code timeout}; empty when none came. */
    public Optional<byte[]> receiveFrame(Duration timeout) {
        socket.setReceiveTimeOut((int) Math.max(0, timeout.toMillis()));
        return Optional.ofNullable(socket.recv(0));
    }

    /** Closes the socket now (its context stays open). */
    @Override
    public void close() {
        zmq.destroySocket(socket);
    }
}
