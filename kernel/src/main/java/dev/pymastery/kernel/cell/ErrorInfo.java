package dev.pymastery.kernel.cell;

import java.util.List;

/**
 * An error as Python shows it.
 *
 * @param ename the exception class name, e.g. {@code ZeroDivisionError}
 * @param evalue the exception message
 * @param traceback the formatted traceback, one line per element, Python frames only
 */
public record ErrorInfo(String ename, String evalue, List<String> traceback) {
    public ErrorInfo {
        if (ename.isBlank()) {
            throw new IllegalArgumentException("ename is empty");
        }
        traceback = List.copyOf(traceback);
    }

    /** An error with a one-line traceback, for errors raised by the kernel itself (magics, usage). */
    public static ErrorInfo of(String ename, String evalue) {
        return new ErrorInfo(ename, evalue, List.of(ename + ": " + evalue));
    }
}
