package dev.pymastery.progress.client;

import java.util.Optional;
import java.util.Set;

/**
 * What the progress server found when it ran an attempt's submitted code with the check's public
 * and hidden tests. Only a verified result counts for grading; the kernel's own is feedback.
 *
 * @param state {@code pending} (queued), {@code verified-pass}, {@code verified-fail}, or
 *     {@code unverified} (it could not be run: {@code reason} says why)
 * @param reason why it failed or could not be verified; empty for a pass or while pending
 * @param score the verified score, once verified
 */
public record Verification(String state, String reason, Optional<Integer> score) {
    public static final Set<String> STATES = Set.of("pending", "verified-pass", "verified-fail", "unverified");

    /** Why an attempt without code stays unverified. */
    public static final String NO_SUBMISSION = "no code came with this attempt (sent by hand, or by a kernel"
            + " older than this server), so the server could not run the checks on it";

    public Verification {
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("verification must be one of " + STATES + ", not '" + state + "'");
        }
        reason = reason == null ? "" : reason;
        score = score == null ? Optional.empty() : score;
    }

    /** Where a newly stored attempt starts: pending when it brought code, unverified otherwise. */
    public static Verification initial(Attempt attempt) {
        return attempt.submission().isPresent()
                ? new Verification("pending", "", Optional.empty())
                : new Verification("unverified", NO_SUBMISSION, Optional.empty());
    }

    /** True once the server ran the tests (passed or not). */
    public boolean verified() {
        return state.startsWith("verified-");
    }
}
