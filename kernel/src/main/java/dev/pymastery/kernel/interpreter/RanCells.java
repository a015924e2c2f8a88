package dev.pymastery.kernel.interpreter;

import dev.pymastery.kernel.magic.RanCell;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The cells a session ran, oldest first, for {@code %check}'s submission: bounded by count and by
 * characters, dropping the oldest, so a session of thousands of cells keeps what a lab needs.
 */
final class RanCells {
    static final int MAX_CELLS = 2_000;
    static final long MAX_CHARS = 4L * 1024 * 1024;

    private final Deque<RanCell> cells = new ArrayDeque<>();
    private long chars;

    synchronized void add(Optional<String> cellId, String code) {
        cells.addLast(new RanCell(cellId, code));
        chars += code.length();
        while (cells.size() > MAX_CELLS || (chars > MAX_CHARS && cells.size() > 1)) {
            chars -= cells.removeFirst().code().length();
        }
    }

    synchronized List<RanCell> all() {
        return List.copyOf(cells);
    }
}
