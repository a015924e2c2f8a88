package dev.pymastery.kernel.interpreter;

/** A history_request, by access type. */
public sealed interface HistoryQuery {
    /** The last {@code n} cells. */
    record Tail(int n) implements HistoryQuery {}

    /** Cells {@code start <= line < stop} of a session (0 or 1: this one; negative counts back). */
    record Range(int session, int start, int stop) implements HistoryQuery {}

    /** Cells whose input matches a glob pattern ({@code *}, {@code ?}), newest {@code n}. */
    record Search(String pattern, int n, boolean unique) implements HistoryQuery {}
}
