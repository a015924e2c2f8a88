package dev.pymastery.kernel.cell;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

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

    /**
     * An error as the Python side reports it ({@code ename}, {@code evalue}, {@code traceback}), from
     * the GraalPy helper or the CPython agent; a missing or blank name reads as {@code Error}.
     */
    public static ErrorInfo fromJson(JsonNode node) {
        List<String> traceback = new ArrayList<>();
        node.path("traceback").forEach(line -> traceback.add(line.asString("")));
        String ename = node.path("ename").asString("Error");
        return new ErrorInfo(
                ename.isBlank() ? "Error" : ename, node.path("evalue").asString(""), traceback);
    }

    /** An error with a one-line traceback, for errors raised by the kernel itself (magics, usage). */
    public static ErrorInfo of(String ename, String evalue) {
        return new ErrorInfo(ename, evalue, List.of(ename + ": " + evalue));
    }
}
