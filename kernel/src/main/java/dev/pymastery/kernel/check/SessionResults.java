package dev.pymastery.kernel.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this kernel session knows of each check: passed, failed N times, or not tried. The
 * failures count chooses the hint: the first failure shows hint 1, the second hint 2, and so on,
 * the last hint staying once they run out. Thread-safe.
 */
final class SessionResults {
    /** One check's record in this session. */
    record Tally(int failures, boolean passed) {
        String describe() {
            if (passed) {
                return failures == 0 ? "passed" : "passed (after " + failures + " failed)";
            }
            return failures == 0 ? "not tried" : "failed " + failures + (failures == 1 ? " time" : " times");
        }
    }

    private final Map<String, Tally> tallies = new HashMap<>();

    /** Counts a passed attempt. */
    synchronized Tally passed(String id) {
        Tally tally = new Tally(tally(id).failures(), true);
        tallies.put(id, tally);
        return tally;
    }

    /** Counts a failed attempt; the tally's failures include this one. */
    synchronized Tally failed(String id) {
        Tally old = tally(id);
        Tally tally = new Tally(old.failures() + 1, old.passed());
        tallies.put(id, tally);
        return tally;
    }

    synchronized Tally tally(String id) {
        return tallies.getOrDefault(id, new Tally(0, false));
    }

    /** The hint for the {@code failures}-th failure (1-based): hint n, or the last one; empty without hints. */
    static Optional<Hint> hint(List<String> hints, int failures) {
        if (hints.isEmpty() || failures < 1) {
            return Optional.empty();
        }
        int number = Math.min(failures, hints.size());
        return Optional.of(new Hint(number, hints.size(), hints.get(number - 1)));
    }

    /** Hint {@code number} of {@code count}. */
    record Hint(int number, int count, String text) {}
}
