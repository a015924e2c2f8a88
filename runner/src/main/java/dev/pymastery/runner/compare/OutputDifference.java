package dev.pymastery.runner.compare;

import java.util.List;

/** How a fresh run's outputs differ from the stored ones, key by key (stream name or MIME type). */
public record OutputDifference(List<Entry> entries) {

    public OutputDifference {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a difference needs at least one entry");
        }
        entries = List.copyOf(entries);
    }

    /** One key's values: what the notebook stores and what the fresh run produced. */
    public record Entry(String key, List<String> stored, List<String> fresh) {
        public Entry {
            stored = List.copyOf(stored);
            fresh = List.copyOf(fresh);
        }
    }

    /** A readable account: per key, a missing or unexpected output or a line diff. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            if (entry.fresh().isEmpty()) {
                out.append("    ").append(entry.key()).append(": stored, but the fresh run produced none\n");
                entry.stored().forEach(value -> listing(out, '-', value));
            } else if (entry.stored().isEmpty()) {
                out.append("    ").append(entry.key()).append(": produced by the fresh run, but not stored\n");
                entry.fresh().forEach(value -> listing(out, '+', value));
            } else if (entry.stored().size() != entry.fresh().size()) {
                out.append("    ")
                        .append(entry.key())
                        .append(": ")
                        .append(entry.stored().size())
                        .append(" stored output(s), ")
                        .append(entry.fresh().size())
                        .append(" fresh\n");
                out.append(
                        LineDiff.diff(String.join("\n", entry.stored()), String.join("\n", entry.fresh()), "      "));
            } else {
                for (int i = 0; i < entry.stored().size(); i++) {
                    if (!entry.stored().get(i).equals(entry.fresh().get(i))) {
                        out.append("    ").append(entry.key()).append(" (- stored, + fresh):\n");
                        out.append(LineDiff.diff(
                                entry.stored().get(i), entry.fresh().get(i), "      "));
                    }
                }
            }
        }
        return out.toString();
    }

    private static void listing(StringBuilder out, char mark, String value) {
        for (String line : value.split("\n", -1)) {
            out.append("      ").append(mark).append(' ').append(line).append('\n');
        }
    }
}
