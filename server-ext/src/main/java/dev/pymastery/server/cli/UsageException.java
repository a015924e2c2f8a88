package dev.pymastery.server.cli;

/** Wrong command-line use: exit code 2 and the usage text. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
