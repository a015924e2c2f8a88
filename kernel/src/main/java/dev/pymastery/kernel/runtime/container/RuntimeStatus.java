package dev.pymastery.kernel.runtime.container;

import java.util.Optional;

/**
 * A runtime as {@code %runtimes} shows it.
 *
 * @param where the image, or the local interpreter for the process engine
 * @param python the interpreter's version, once a session has started
 * @param gil whether that interpreter has the GIL, once known
 * @param session the running session's container or process id
 */
public record RuntimeStatus(
        String name,
        String description,
        String engine,
        String where,
        Optional<String> python,
        Optional<Boolean> gil,
        Optional<String> session,
        int cells) {
    public boolean running() {
        return session.isPresent();
    }
}
