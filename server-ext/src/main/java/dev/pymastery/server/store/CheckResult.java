package dev.pymastery.server.store;

import dev.pymastery.progress.client.AttemptOutcome;
import java.time.Instant;
import java.util.Optional;

/**
 * A person's summary on one check, kept current with each new attempt (voided attempts do not
 * count).
 *
 * @param bestScore the highest score any attempt claimed
 * @param bestOutcome the best outcome any attempt claimed
 * @param verifiedScore the highest score the server verified; empty while none was verified
 * @param verifiedPasses how many attempts the server verified as passing
 */
public record CheckResult(
        long personId,
        String checkId,
        int bestScore,
        AttemptOutcome bestOutcome,
        int attempts,
        Instant lastAttemptAt,
        Optional<Integer> verifiedScore,
        int verifiedPasses) {

    /** Where the learner stands on the check, as the dashboards show it. */
    public CheckState state() {
        return CheckState.of(Optional.of(bestOutcome), verifiedPasses);
    }
}
