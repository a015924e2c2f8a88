package dev.pymastery.kernel.runtime.container;

/** The runtimes configuration has a mistake; the message names where. */
public final class RuntimeConfigException extends RuntimeException {
    public RuntimeConfigException(String message) {
        super(message);
    }
}
