package dev.pymastery.server.attempts;

/** The writer's queue is full or closed: a 503, and the client retries later. */
public final class RecorderBusyException extends RuntimeException {
    public RecorderBusyException() {
        super("the server is busy storing attempts; try again shortly");
    }
}
