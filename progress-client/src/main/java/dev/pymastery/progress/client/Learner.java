package dev.pymastery.progress.client;

/**
 * Who a token belongs to, as {@code GET /api/v1/me} reports it.
 *
 * @param role {@code learner} or {@code instructor}
 */
public record Learner(String name, String role) {}
