package dev.pymastery.server.store;

import dev.pymastery.progress.client.AttemptOutcome;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a learner stands on one check. Only {@link #VERIFIED} counts for grading: the kernel's own
 * result is feedback the learner controls; the server's re-run of the submitted code with the
 * public and hidden tests is the proof.
 */
public enum CheckState {
    /** No attempt that counts. */
    NOT_STARTED,
    /** Attempts, none passing (as claimed) and none verified as passing. */
    FAILED,
    /** The kernel reported a pass; the server has not verified one (yet, or it could not). */
    PASSED_UNVERIFIED,
    /** The server re-ran the code and the public and hidden tests passed. */
    VERIFIED;

    /** The API's spelling: {@code not-started}, {@code failed}, {@code passed-unverified}, {@code verified}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static CheckState of(Optional<AttemptOutcome> bestClaimed, int verifiedPasses) {
        if (verifiedPasses > 0) {
            return VERIFIED;
        }
        if (bestClaimed.isEmpty()) {
            return NOT_STARTED;
        }
        return bestClaimed.get() == AttemptOutcome.PASSED ? PASSED_UNVERIFIED : FAILED;
    }
}
