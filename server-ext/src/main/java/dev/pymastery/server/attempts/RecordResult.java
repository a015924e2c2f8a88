package dev.pymastery.server.attempts;

import dev.pymastery.progress.client.RecordedAttempt;

/** What became of a posted attempt. */
public sealed interface RecordResult {
    /** Stored now: 201. */
    record Created(RecordedAttempt attempt) implements RecordResult {}

    /** Stored before under the same idempotency key: 200 with the stored attempt. */
    record Duplicate(RecordedAttempt attempt) implements RecordResult {}

    /** The catalog has no such check: 422. */
    record UnknownCheck(String checkId) implements RecordResult {}

    /** What the attempt claims cannot be true of that check (score, outcome, time): 422 with why. */
    record Rejected(String reason) implements RecordResult {}
}
