package dev.pymastery.progress.client;

/**
 * A call to the progress server did not succeed. The message says what happened and what to do;
 * {@link #retryable()} says whether the same request may succeed later (the outbox keeps such attempts).
 */
public abstract sealed class ProgressClientException extends RuntimeException
        permits ServerUnreachableException, ServerResponseException {
    ProgressClientException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when sending the same request again later may succeed. */
    public abstract boolean retryable();
}
