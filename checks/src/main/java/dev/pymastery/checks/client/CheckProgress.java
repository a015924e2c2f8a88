package dev.pymastery.checks.client;

import java.util.Optional;

/**
 * Where a learner stands on one check.
 *
 * @param points the best score of any attempt, at most {@code maxPoints}
 * @param maxPoints what the catalog says the check is worth
 * @param bestOutcome the best outcome of any attempt (passed, then failed, then error); empty before the first
 * @param attempts how many attempts were recorded
 */
public record CheckProgress(
        String id, String title, int points, int maxPoints, Optional<AttemptOutcome> bestOutcome, int attempts) {}
