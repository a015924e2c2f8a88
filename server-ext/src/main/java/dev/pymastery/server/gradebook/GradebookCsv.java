package dev.pymastery.server.gradebook;

import dev.pymastery.checks.Track;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradebook as CSV, one row per learner: {@code learner}, then per week each lab's points,
 * the week's points and its late flag ({@code wNN}, {@code wNN_late}), then per track lab (after
 * the weeks) each lab's points and the unit's points ({@code aNN}, with no late column: a track's
 * labs are self-paced and never late), then {@code total}, {@code max_total} and {@code
 * late_weeks}. A cell is {@code late} when points that count were earned only after the learner's
 * deadline. Fields a spreadsheet would run as a formula get a leading quote.
 */
public final class GradebookCsv {
    private GradebookCsv() {}

    public static String of(Gradebook book) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("learner"));
        for (Gradebook.WeekColumn week : book.weeks()) {
            week.labs().forEach(lab -> header.add(lab.lab()));
            header.add(week.unit());
            if (hasDeadline(week.unit())) {
                header.add(week.unit() + "_late");
            }
        }
        header.addAll(List.of("total", "max_total", "late_weeks"));
        line(csv, header);
        for (Gradebook.LearnerRow row : book.learners()) {
            List<String> fields = new ArrayList<>(List.of(row.name()));
            for (Gradebook.WeekCell week : row.weeks()) {
                week.labs().forEach(lab -> fields.add(String.valueOf(lab.points())));
                fields.add(String.valueOf(week.points()));
                if (hasDeadline(week.unit())) {
                    fields.add(week.late() ? "late" : "");
                }
            }
            fields.add(String.valueOf(row.points()));
            fields.add(String.valueOf(book.maxPoints()));
            fields.add(String.valueOf(
                    row.weeks().stream().filter(Gradebook.WeekCell::late).count()));
            line(csv, fields);
        }
        return csv.toString();
    }

    /** Whether the unit has a late column: a week does, a track's lab does not. */
    private static boolean hasDeadline(String unit) {
        return Track.WEEK.owns(unit);
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append('\n');
    }

    private static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
