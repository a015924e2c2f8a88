package dev.pymastery.server.gradebook;

import dev.pymastery.server.store.CheckState;
import java.util.Optional;

/**
 * What the stored summaries say about one learner and check: the best claimed score, the best
 * verified score, and the state.
 */
public record Standing(long personId, String checkId, int claimed, Optional<Integer> verified, CheckState state) {}
