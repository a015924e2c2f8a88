package dev.pymastery.server.web;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.server.gradebook.GradebookCsv;
import dev.pymastery.server.gradebook.GradebookJson;
import dev.pymastery.server.gradebook.GradebookService;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.review.AuditEntry;
import dev.pymastery.server.review.Feedback;
import dev.pymastery.server.review.VoidedAttempt;
import dev.pymastery.server.store.AuditLog;
import dev.pymastery.server.store.DeadlineStore;
import dev.pymastery.server.store.FeedbackStore;
import dev.pymastery.server.store.PeopleStore;
import dev.pymastery.server.store.ReviewStore;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instructors' API: the gradebook (JSON for an LMS, CSV), voiding and restoring attempts, score
 * overrides, feedback, deadline extensions, and the audit log that records each of those with its
 * reason. Writes need the Authorization header (the dashboard's cookie is for reading only).
 */
public final class InstructorRoutes {
    private static final int MAX_REASON = 2000;
    private final CheckCatalog catalog;
    private final PeopleStore people;
    private final GradebookService gradebook;
    private final ReviewStore reviews;
    private final FeedbackStore feedback;
    private final DeadlineStore deadlines;
    private final AuditLog audit;
    private final JsonMapper json;

    public InstructorRoutes(
            CheckCatalog catalog,
            PeopleStore people,
            GradebookService gradebook,
            ReviewStore reviews,
            FeedbackStore feedback,
            DeadlineStore deadlines,
            AuditLog audit,
            JsonMapper json) {
        this.catalog = catalog;
        this.people = people;
        this.gradebook = gradebook;
        this.reviews = reviews;
        this.feedback = feedback;
        this.deadlines = deadlines;
        this.audit = audit;
        this.json = json;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/gradebook", Access.INSTRUCTOR, this::gradebook),
                Route.get("/api/v1/gradebook.csv", Access.INSTRUCTOR, ctx -> {
                    ctx.contentType("text/csv; charset=utf-8");
                    ctx.header("Content-Disposition", "attachment; filename=\"pymastery-gradebook.csv\"");
                    ctx.result(GradebookCsv.of(gradebook.cohort()));
                }),
                Route.post("/api/v1/attempts/{id}/void", Access.INSTRUCTOR, ctx -> setVoided(ctx, true)),
                Route.post("/api/v1/attempts/{id}/restore", Access.INSTRUCTOR, ctx -> setVoided(ctx, false)),
                Route.post("/api/v1/learners/{name}/overrides", Access.INSTRUCTOR, this::override),
                Route.get("/api/v1/learners/{name}/feedback", Access.INSTRUCTOR, ctx -> {
                    Person learner = named(ctx);
                    ctx.json(CourseRoutes.feedbackOf(learner.name(), feedback.of(learner.id())));
                }),
                Route.post("/api/v1/learners/{name}/feedback", Access.INSTRUCTOR, this::writeFeedback),
                Route.post("/api/v1/learners/{name}/extensions", Access.INSTRUCTOR, this::extend),
                Route.get("/api/v1/audit", Access.INSTRUCTOR, this::audit));
    }

    private void gradebook(Context ctx) {
        String learner = ctx.queryParam("learner");
        if (learner == null) {
            ctx.json(GradebookJson.of(gradebook.cohort()));
            return;
        }
        Person person = person(learner);
        ctx.json(GradebookJson.of(gradebook.of(person, Authenticator.person(ctx))));
    }

    private void setVoided(Context ctx, boolean voided) {
        long id = attemptId(ctx);
        String reason =
                BodyFields.of(JsonBody.read(ctx, json), Set.of("reason")).text("reason", MAX_REASON, true);
        VoidedAttempt result;
        try {
            result = reviews.setVoided(
                            id, voided, reason, Authenticator.person(ctx).name())
                    .orElseThrow(() -> ApiProblem.notFound("there is no attempt " + id));
        } catch (IllegalStateException e) {
            throw new ApiProblem(409, e.getMessage() + "; nothing was changed");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attemptId", result.attemptId());
        out.put("learner", result.learner());
        out.put("checkId", result.checkId());
        out.put("voidedAt", result.voidedAt().map(Instant::toString).orElse(null));
        ctx.json(out);
    }

    private void override(Context ctx) {
        Person learner = named(ctx);
        BodyFields body = BodyFields.of(JsonBody.read(ctx, json), Set.of("checkId", "score", "reason"));
        String checkId = body.text("checkId", 200, true);
        CheckSpec check = catalog.find(checkId)
                .orElseThrow(() -> new ApiProblem(422, "unknown check '" + checkId + "' (see GET api/v1/checks)"));
        if (!body.has("score")) {
            throw ApiProblem.badRequest(
                    "'score' is missing: a number from 0 to " + check.points() + ", or null to remove the override");
        }
        Optional<Integer> score = body.optionalWhole("score", 0, check.points());
        String reason = body.text("reason", MAX_REASON, true);
        reviews.override(
                learner.id(), checkId, score, reason, Authenticator.person(ctx).name());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("learner", learner.name());
        out.put("checkId", checkId);
        out.put("score", score.orElse(null));
        out.put("reason", reason);
        ctx.json(out);
    }

    private void writeFeedback(Context ctx) {
        Person learner = named(ctx);
        BodyFields body = BodyFields.of(JsonBody.read(ctx, json), Set.of("lab", "text"));
        String lab = body.text("lab", 120, true);
        try {
            Feedback.checkLab(lab);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("'lab': " + e.getMessage());
        }
        String text = body.text("text", Feedback.MAX_TEXT, false);
        Optional<Feedback> written = feedback.write(
                learner.id(), lab, text, Authenticator.person(ctx).name());
        ctx.json(CourseRoutes.feedbackOf(learner.name(), written.stream().toList()));
    }

    private void extend(Context ctx) {
        Person learner = named(ctx);
        BodyFields body = BodyFields.of(JsonBody.read(ctx, json), Set.of("week", "until", "reason"));
        int week = body.whole("week", 1, 99);
        Instant until = body.time("until");
        String reason = body.text("reason", MAX_REASON, true);
        int late = deadlines.extend(
                learner.id(), week, until, reason, Authenticator.person(ctx).name());
        ctx.json(Map.of("learner", learner.name(), "week", week, "until", until.toString(), "lateAttempts", late));
    }

    private void audit(Context ctx) {
        Optional<Person> learner =
                Optional.ofNullable(ctx.queryParam("learner")).map(this::person);
        int limit = limit(ctx);
        List<Map<String, Object>> entries = audit.entries(learner.map(Person::id), limit).stream()
                .map(InstructorRoutes::entry)
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

    private Person named(Context ctx) {
        return person(ctx.pathParam("name"));
    }

    private Person person(String name) {
        try {
            Person.checkName(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("nobody is called '" + name + "': " + e.getMessage());
        }
        return people.find(name).orElseThrow(() -> ApiProblem.notFound("nobody is called '" + name + "'"));
    }

    private static long attemptId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(
                    "an attempt id is a number (the 'id' of GET api/v1/learners/NAME/attempts), not '" + text + "'");
        }
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
