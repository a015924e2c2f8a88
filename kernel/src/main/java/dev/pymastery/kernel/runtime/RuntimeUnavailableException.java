package dev.pymastery.kernel.runtime;

/** A runtime could not start or has gone away; the message says what to do. */
public final class RuntimeUnavailableException extends RuntimeException {
    public RuntimeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RuntimeUnavailableException(String message) {
        super(message);
    }
}
