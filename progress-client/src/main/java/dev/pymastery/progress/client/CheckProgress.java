package dev.pymastery.progress.client;

import java.util.Optional;

/**
 * Where a learner stands on one check.
 *
 * @param points what counts: the best score the server verified, at most {@code maxPoints}
 * @param maxPoints what the catalog says the check is worth
 * @param bestOutcome the best outcome any attempt claimed (passed, then failed, then error); empty before
 *     the first
 * @param attempts how many attempts were recorded
 * @param state {@code not-started}, {@code failed}, {@code passed-unverified} (the kernel said passed,
 *     the server has not verified a pass) or {@code verified}
 */
public record CheckProgress(
        String id,
        String title,
        int points,
        int maxPoints,
        Optional<AttemptOutcome> bestOutcome,
        int attempts,
        String state) {
    public CheckProgress {
        state = state == null ? "not-started" : state;
    }
}
