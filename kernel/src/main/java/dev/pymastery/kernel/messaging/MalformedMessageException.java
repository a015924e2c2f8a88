package dev.pymastery.kernel.messaging;

/** A message that cannot be read: wrong frames, bad JSON, or a signature that does not match. */
public final class MalformedMessageException extends RuntimeException {
    MalformedMessageException(String reason) {
        super(reason);
    }

    MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
