package dev.pymastery.checks;

import java.nio.file.Path;

/** A check file that cannot be read; the message names the file and what is wrong with it. */
public final class CheckFormatException extends RuntimeException {
    public CheckFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    public CheckFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
