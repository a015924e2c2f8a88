package dev.pymastery.kernel.interpreter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The cells this kernel ran with {@code store_history}, in order. Thread-safe. */
final class History {
    static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void add(int line, String input, Optional<String> output) {
        entries.add(new HistoryEntry(SESSION, line, input, output));
    }

    synchronized List<HistoryEntry> query(HistoryQuery query) {
        return switch (query) {
            case HistoryQuery.Tail tail ->
                List.copyOf(entries.subList(Math.max(0, entries.size() - Math.max(0, tail.n())), entries.size()));
            case HistoryQuery.Range range ->
                range.session() > SESSION
                        ? List.of()
                        : entries.stream()
                                .filter(e -> e.line() >= range.start() && e.line() < range.stop())
                                .toList();
            case HistoryQuery.Search search -> search(search);
        };
    }

    private List<HistoryEntry> search(HistoryQuery.Search search) {
        Pattern glob = glob(search.pattern());
        List<HistoryEntry> hits = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            if (glob.matcher(entry.input()).matches()) {
                hits.add(entry);
            }
        }
        if (search.unique()) {
            Map<String, HistoryEntry> last = new LinkedHashMap<>();
            for (HistoryEntry hit : hits) {
                last.remove(hit.input());
                last.put(hit.input(), hit);
            }
            hits = new ArrayList<>(last.values());
        }
        int n = Math.max(0, search.n());
        return List.copyOf(hits.subList(Math.max(0, hits.size() - n), hits.size()));
    }

    /** A shell glob ({@code *}, {@code ?}) over the whole input, across lines. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
