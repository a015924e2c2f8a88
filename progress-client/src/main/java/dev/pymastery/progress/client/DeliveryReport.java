package dev.pymastery.progress.client;

import java.util.Optional;

/**
 * The result of one pass over the outbox.
 *
 * @param delivered attempts the server now has
 * @param dropped attempts the server refused for good
 * @param pending attempts still waiting
 * @param problem why delivery stopped early, when it did
 */
public record DeliveryReport(int delivered, int dropped, int pending, Optional<String> problem) {}
