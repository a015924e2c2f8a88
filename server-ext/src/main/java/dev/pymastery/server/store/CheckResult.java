package dev.pymastery.server.store;

import dev.pymastery.checks.client.AttemptOutcome;
import java.time.Instant;

/**
 * A person's summary on one check, kept current with each new attempt.
 *
 * @param bestScore the highest score of any attempt
 * @param bestOutcome the best outcome of any attempt
 */
public record CheckResult(
        long personId,
        String checkId,
        int bestScore,
        AttemptOutcome bestOutcome,
        int attempts,
        Instant lastAttemptAt) {}
