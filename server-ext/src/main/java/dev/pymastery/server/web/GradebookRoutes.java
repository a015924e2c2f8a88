package dev.pymastery.server.web;

import dev.pymastery.server.gradebook.GradebookCsv;
import dev.pymastery.server.gradebook.GradebookJson;
import dev.pymastery.server.gradebook.GradebookService;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.review.AuditEntry;
import dev.pymastery.server.store.AuditLog;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What instructors read: the gradebook (JSON for an LMS, CSV) and the audit log. */
public final class GradebookRoutes {
    private final GradebookService gradebook;
    private final AuditLog audit;
    private final InstructorRoutes people;

    public GradebookRoutes(GradebookService gradebook, AuditLog audit, InstructorRoutes people) {
        this.gradebook = gradebook;
        this.audit = audit;
        this.people = people;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/gradebook", Access.INSTRUCTOR, this::gradebook),
                Route.get("/api/v1/gradebook.csv", Access.INSTRUCTOR, ctx -> {
                    ctx.contentType("text/csv; charset=utf-8");
                    ctx.header("Content-Disposition", "attachment; filename=\"pymastery-gradebook.csv\"");
                    ctx.result(GradebookCsv.of(gradebook.cohort()));
                }),
                Route.get("/api/v1/audit", Access.INSTRUCTOR, this::audit));
    }

    private void gradebook(Context ctx) {
        String learner = ctx.queryParam("learner");
        if (learner == null) {
            ctx.json(GradebookJson.of(gradebook.cohort()));
            return;
        }
        ctx.json(GradebookJson.of(gradebook.of(people.person(learner), Authenticator.person(ctx))));
    }

    private void audit(Context ctx) {
        Optional<Person> learner =
                Optional.ofNullable(ctx.queryParam("learner")).map(people::person);
        int limit = limit(ctx);
        List<Map<String, Object>> entries = audit.entries(learner.map(Person::id), limit).stream()
                .map(GradebookRoutes::entry)
                .toList();
        ctx.json(Map.of("entries", entries));
    }

    private static Map<String, Object> entry(AuditEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("at", e.at().toString());
        out.put("actor", e.actor());
        out.put("action", e.action());
        out.put("learner", e.learner().orElse(null));
        out.put("target", e.target());
        out.put("reason", e.reason());
        out.put("detail", e.detail());
        return out;
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return 200;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("'limit' must be a whole number from 1 to 1000, not '" + text + "'");
    }
}
