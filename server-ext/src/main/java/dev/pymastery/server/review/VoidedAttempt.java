package dev.pymastery.server.review;

import java.time.Instant;
import java.util.Optional;

/**
 * An attempt after it was voided or restored.
 *
 * @param voidedAt when it was voided; empty once restored
 */
public record VoidedAttempt(long attemptId, String learner, String checkId, Optional<Instant> voidedAt) {}
