package dev.pymastery.server.roster;

import dev.pymastery.server.people.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a roster CSV (RFC 4180: commas, double quotes, CRLF or LF). The first line names the
 * columns: {@code name} is required, {@code role} ({@code learner} or {@code instructor}, default
 * learner) optional, any other column (an LMS's e-mail or display name) is ignored. Every problem
 * of the file is collected, each naming its line, so one run shows them all; a file with problems
 * imports nobody.
 */
public final class RosterCsv {
    private RosterCsv() {}

    /** The entries, or an {@link IllegalArgumentException} listing every problem. */
    public static List<RosterEntry> parse(String text) {
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the roster is empty; its first line names the columns (name[,role])");
        }
        List<String> header = records.get(0).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        int name = header.indexOf("name");
        int role = header.indexOf("role");
        if (name < 0) {
            throw new IllegalArgumentException(
                    "line 1 must name the columns and include 'name' (and optionally 'role'), not " + records.get(0));
        }
        List<String> problems = new ArrayList<>();
        List<RosterEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            int line = i + 1;
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            String who = name < record.size() ? record.get(name).strip() : "";
            String what = role >= 0 && role < record.size() ? record.get(role).strip() : "";
            try {
                Role parsed = what.isEmpty() ? Role.LEARNER : Role.of(what.toLowerCase(Locale.ROOT));
                RosterEntry entry = new RosterEntry(who, parsed, line);
                if (!seen.add(who)) {
                    problems.add("line " + line + ": '" + who + "' is listed twice");
                } else {
                    entries.add(entry);
                }
            } catch (IllegalArgumentException e) {
                problems.add("line " + line + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "the roster has " + problems.size() + " problem(s); nobody was imported:\n  "
                            + String.join("\n  ", problems.subList(0, Math.min(50, problems.size())))
                            + (problems.size() > 50 ? "\n  ..." : ""));
        }
        return entries;
    }

    /** The file's records as lists of fields. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("the roster ends inside a quoted field (a \" is missing)");
        }
        if (any) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
