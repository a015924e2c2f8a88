package dev.pymastery.server.store;

import java.util.Optional;

/**
 * A learner's late attempts on one check (not voided).
 *
 * @param onTimeVerified the best verified score among their attempts that were not late; empty if none
 * @param lateAttempts how many of their attempts were late
 */
public record LateResult(long personId, String checkId, Optional<Integer> onTimeVerified, int lateAttempts) {}
