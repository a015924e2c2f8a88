package dev.pymastery.wire;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQException;

/**
 * One ZeroMQ context (JeroMQ) and the sockets made on it: the only place ZeroMQ is used, by the
 * kernel's end of a connection and by the clients (the notebook runner, the tests). Sockets are
 * not thread-safe: each belongs to the thread that uses it. Closing the context closes what is
 * still open.
 */
public final class WireSockets implements AutoCloseable {
    /** The socket types Jupyter's channels use. */
    public enum Kind {
        /** The kernel's shell, control and stdin. */
        ROUTER(SocketType.ROUTER),
        /** A client's shell, control and stdin. */
        DEALER(SocketType.DEALER),
        /** The kernel's IOPub. */
        PUB(SocketType.PUB),
        /** A client's IOPub: subscribed to every message. */
        SUB(SocketType.SUB),
        /** The kernel's heartbeat. */
        REP(SocketType.REP),
        /** A client's heartbeat. */
        REQ(SocketType.REQ);

        final SocketType type;

        Kind(SocketType type) {
            this.type = type;
        }
    }

    private final ZContext zmq = new ZContext(1);

    /**
     * A socket bound to {@code endpoint} ({@code tcp://127.0.0.1:5555}). A ROUTER hands an identity
     * over to the client that reconnects with it (a client restarted behind the same session).
     *
     * @param linger how long closing waits to deliver what is queued
     * @throws IllegalStateException when the endpoint cannot be bound (the port is taken: the
     *     message says "address already in use")
     */
    public WireSocket bind(Kind kind, String endpoint, Duration linger) {
        WireSocket socket = create(kind, linger);
        if (kind == Kind.ROUTER) {
            socket.socket.setRouterHandover(true);
        }
        boolean bound;
        try {
            bound = socket.socket.bind(endpoint);
        } catch (ZMQException e) {
            socket.close();
            throw new IllegalStateException("cannot bind " + endpoint + ": " + e.getMessage(), e);
        }
        if (!bound) {
            socket.close();
            throw new IllegalStateException("cannot bind " + endpoint);
        }
        return socket;
    }

    /** A socket connected to {@code endpoint}; a SUB socket receives every message. */
    public WireSocket connect(Kind kind, String endpoint, Duration linger) {
        return connect(kind, endpoint, linger, Optional.empty());
    }

    /**
     * A socket connected to {@code endpoint} under {@code identity}: the kernel's ROUTER sockets
     * address a client's shell and stdin replies by it.
     */
    public WireSocket connect(Kind kind, String endpoint, Duration linger, Optional<String> identity) {
        WireSocket socket = create(kind, linger);
        identity.ifPresent(id -> socket.socket.setIdentity(id.getBytes(StandardCharsets.UTF_8)));
        socket.socket.connect(endpoint);
        if (kind == Kind.SUB) {
            socket.socket.subscribe(new byte[0]);
        }
        return socket;
    }

    private WireSocket create(Kind kind, Duration linger) {
        WireSocket socket = new WireSocket(zmq, zmq.createSocket(kind.type));
        socket.socket.setLinger((int) linger.toMillis());
        return socket;
    }

    /** A poller for sockets of this context and other selectable channels. */
    public WirePoller poller() {
        return new WirePoller(zmq.createPoller(4));
    }

    @Override
    public void close() {
        zmq.close();
    }
}
