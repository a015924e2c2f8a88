package dev.pymastery.kernel.runtime.container;

/** A session's interpreter is gone; the message says how it ended, as a learner reads it. */
final class SessionEndedException extends RuntimeException {
    SessionEndedException(String message) {
        super(message);
    }
}
