package dev.pymastery.server.course;

import java.time.Instant;
import java.util.Optional;

/**
 * What the schedule says about attempts for one week.
 *
 * @param scheduled whether the server publishes weeks at all (any week published)
 * @param publishedAt when this week was (or will be) published; empty if it is not on the schedule
 */
public record WeekGate(boolean scheduled, Optional<Instant> publishedAt) {}
