package dev.pymastery.kernel.messaging;

/**
 * A request whose content the protocol does not allow (a missing field, a wrong type): the
 * client's error, answered with {@code ename} (a Python exception name such as {@code TypeError})
 * and a message that says what was wrong.
 */
final class BadRequestException extends RuntimeException {
    private final String ename;

    BadRequestException(String ename, String message) {
        super(message);
        this.ename = ename;
    }

    String ename() {
        return ename;
    }
}
