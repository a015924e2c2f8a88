package dev.pymastery.server.review;

import java.time.Instant;
import java.util.Optional;

/**
 * One instructor action, as the audit log keeps it.
 *
 * @param actor the instructor's name, or {@code cli:USER} for the command line
 * @param action {@code void}, {@code restore}, {@code override}, {@code clear-override}, {@code
 *     feedback}, {@code extend}, {@code publish} or {@code import-roster}
 * @param learner whose records it changed; empty for course-wide actions (publish)
 * @param target what it changed: {@code attempt 42}, a check id, a lab, {@code week 3}
 * @param detail JSON: the values before and after
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        Optional<String> learner,
        String target,
        String reason,
        String detail) {}
