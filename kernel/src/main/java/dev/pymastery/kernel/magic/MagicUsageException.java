package dev.pymastery.kernel.magic;

/** A magic was called wrongly; shown to the learner as {@code UsageError: message}. */
public final class MagicUsageException extends RuntimeException {
    public MagicUsageException(String message) {
        super(message);
    }
}
