package dev.pymastery.kernel.interpreter;

import java.util.Optional;

/**
 * One stored cell.
 *
 * @param session 1 for this kernel's session
 * @param line the cell's execution count
 * @param output the plain-text result, when the cell had one
 */
public record HistoryEntry(int session, int line, String input, Optional<String> output) {}
