package dev.pymastery.progress.client;

import java.time.Duration;

/** What the outbox did with an attempt; the kernel may show these, tests observe them. */
public sealed interface OutboxEvent {
    /** The server stored it (or had it already): the file is gone. */
    record Delivered(Attempt attempt, RecordedAttempt recorded) implements OutboxEvent {}

    /** The server refused it for good (e.g. 422 unknown check): the file is gone, the reason logged. */
    record Dropped(Attempt attempt, int status, String reason) implements OutboxEvent {}

    /** Delivery failed for now; {@code pending} attempts wait and the next try is in {@code retryIn}. */
    record Deferred(int pending, String reason, Duration retryIn) implements OutboxEvent {}
}
