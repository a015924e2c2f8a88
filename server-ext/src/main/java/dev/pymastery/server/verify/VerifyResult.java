package dev.pymastery.server.verify;

/** How a verification ended. */
public sealed interface VerifyResult {
    /** The lab's code ran and every public and hidden test passed. */
    record Passed() implements VerifyResult {}

    /** The tests ran and one did not pass; {@code reason} says which and how. */
    record Failed(String reason) implements VerifyResult {}

    /**
     * The tests could not be run (no container engine, no such runtime, the runtime died); worth
     * trying again when {@code retry}.
     */
    record Unverifiable(String reason, boolean retry) implements VerifyResult {}
}
