package dev.pymastery.kernel.check;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The known check ids nearest to a mistyped one, for the "unknown check" message. */
final class CloseIds {
    private static final int MAX = 5;

    private CloseIds() {}

    static List<String> to(String wanted, Collection<String> known) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        return known.stream()
                .filter(id -> distance(lower, id) <= Math.max(3, lower.length() / 3)
                        || id.contains(lower)
                        || (lower.contains(".") && id.startsWith(lower.substring(0, lower.lastIndexOf('.') + 1))))
                .sorted(Comparator.comparingInt((String id) -> distance(lower, id))
                        .thenComparing(id -> id))
                .limit(MAX)
                .toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
