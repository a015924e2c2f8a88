package dev.pymastery.wire;

import java.nio.channels.SelectableChannel;
import java.time.Duration;
import org.zeromq.ZMQ;

/** Waits until one of several sockets (or a pipe that wakes the loop) has something to read. */
public final class WirePoller implements AutoCloseable {
    private final ZMQ.Poller poller;

    WirePoller(ZMQ.Poller poller) {
        this.poller = poller;
    }

    /** Registers a socket for reading; the index names it in {@link #readable}. */
    public int register(WireSocket socket) {
        return poller.register(socket.socket, ZMQ.Poller.POLLIN);
    }

    /** Registers a non-blocking channel (a {@link java.nio.channels.Pipe}'s source) for reading. */
    public int register(SelectableChannel channel) {
        return poller.register(channel, ZMQ.Poller.POLLIN);
    }

    /** Waits up to {@code timeout} for something to read; the number of registered items ready. */
    public int poll(Duration timeout) {
        return poller.poll(Math.max(0, timeout.toMillis()));
    }

    /** Whether the item registered as {@code index} was readable at the last poll. */
    public boolean readable(int index) {
        return poller.pollin(index);
    }

    @Override
    public void close() {
        poller.close();
    }
}
