package dev.pymastery.progress.client;

/** Delivers one attempt to the server; {@link ProgressClient#record} is the real one. */
@FunctionalInterface
public interface AttemptSender {
    /**
     * Sends the attempt and returns what the server stored.
     *
     * @throws ProgressClientException when it was not stored; {@link ProgressClientException#retryable()}
     *     says whether to keep it
     */
    RecordedAttempt send(Attempt attempt);
}
