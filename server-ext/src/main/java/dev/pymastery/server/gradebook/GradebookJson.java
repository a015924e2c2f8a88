package dev.pymastery.server.gradebook;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gradebook as JSON for an LMS (the {@code Gradebook} schema of openapi.json): the columns
 * ({@code weeks}: the weeks, then a track's labs, each with its {@code unit} code and {@code label}
 * beside the number, its labs and checks, points and times) and one entry per learner with the
 * same nesting. Times are RFC 3339; absent values are null (a track's lab has no times).
 */
public final class GradebookJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GradebookJson() {}

    public static ObjectNode of(Gradebook book) {
        ObjectNode root = NODES.objectNode();
        root.put("generatedAt", book.generatedAt().toString());
        root.put("scheduled", book.scheduled());
        root.put("maxPoints", book.maxPoints());
        ArrayNode weeks = root.putArray("weeks");
        for (Gradebook.WeekColumn week : book.weeks()) {
            ObjectNode w = weeks.addObject();
            w.put("week", week.week());
            w.put("unit", week.unit());
            w.put("label", week.label());
            w.put("title", week.title());
            w.put("maxPoints", week.maxPoints());
            time(w, "publishedAt", week.publishedAt());
            time(w, "dueAt", week.dueAt());
            ArrayNode labs = w.putArray("labs");
            for (Gradebook.LabColumn lab : week.labs()) {
                ObjectNode l = labs.addObject();
                l.put("lab", lab.lab());
                l.put("maxPoints", lab.maxPoints());
                ArrayNode checks = l.putArray("checks");
                lab.checks().forEach(c -> checks.addObject()
                        .put("id", c.id())
                        .put("title", c.title())
                        .put("maxPoints", c.maxPoints()));
            }
        }
        ArrayNode learners = root.putArray("learners");
        book.learners().forEach(row -> learners.add(learner(row)));
        return root;
    }

    public static ObjectNode learner(Gradebook.LearnerRow row) {
        ObjectNode learner = NODES.objectNode();
        learner.put("name", row.name());
        learner.put("points", row.points());
        learner.put("late", row.late());
        ArrayNode weeks = learner.putArray("weeks");
        for (Gradebook.WeekCell week : row.weeks()) {
            ObjectNode w = weeks.addObject();
            w.put("week", week.week());
            w.put("unit", week.unit());
            w.put("label", week.label());
            w.put("points", week.points());
            w.put("late", week.late());
            time(w, "deadline", week.deadline());
            w.put("extended", week.extended());
            ArrayNode labs = w.putArray("labs");
            for (Gradebook.LabCell lab : week.labs()) {
                ObjectNode l = labs.addObject();
                l.put("lab", lab.lab());
                l.put("points", lab.points());
                l.put("late", lab.late());
                ArrayNode checks = l.putArray("checks");
                lab.checks().forEach(c -> checks.add(check(c)));
            }
        }
        return learner;
    }

    private static ObjectNode check(Gradebook.CheckCell cell) {
        ObjectNode c = NODES.objectNode();
        c.put("id", cell.id());
        c.put("state", cell.state().key());
        c.put("points", cell.points());
        c.put("claimedPoints", cell.claimedPoints());
        if (cell.verifiedPoints().isPresent()) {
            c.put("verifiedPoints", cell.verifiedPoints().get());
        } else {
            c.putNull("verifiedPoints");
        }
        if (cell.override().isPresent()) {
            Gradebook.OverrideNote o = cell.override().get();
            c.putObject("override")
                    .put("score", o.score())
                    .put("reason", o.reason())
                    .put("setBy", o.setBy())
                    .put("setAt", o.setAt().toString());
        } else {
            c.putNull("override");
        }
        c.put("late", cell.late());
        c.put("lateAttempts", cell.lateAttempts());
        return c;
    }

    private static void time(ObjectNode node, String field, Optional<Instant> time) {
        if (time.isPresent()) {
            node.put(field, time.get().toString());
        } else {
            node.putNull(field);
        }
    }
}
