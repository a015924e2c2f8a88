package dev.pymastery.server.web;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.review.Feedback;
import dev.pymastery.server.review.VoidedAttempt;
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
 * Instructors' corrections: voiding and restoring attempts, score overrides, feedback and deadline
 * extensions, each recorded in the audit log with its reason ({@link GradebookRoutes} reads them
 * back). Writes need the Authorization header (the dashboard's cookie is for reading only).
 */
public final class InstructorRoutes {
    private static final int MAX_REASON = 2000;
    private final CheckCatalog catalog;
    private final PeopleStore people;
    private final ReviewStore reviews;
    private final FeedbackStore feedback;
    private final DeadlineStore deadlines;
    private final JsonMapper json;

    public InstructorRoutes(
            CheckCatalog catalog,
            PeopleStore people,
            ReviewStore reviews,
            FeedbackStore feedback,
            DeadlineStore deadlines,
            JsonMapper json) {
        this.catalog = catalog;
        this.people = people;
        this.reviews = reviews;
        this.feedback = feedback;
        this.deadlines = deadlines;
        this.json = json;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/v1/attempts/{id}/void", Access.INSTRUCTOR, ctx -> setVoided(ctx, true)),
                Route.post("/api/v1/attempts/{id}/restore", Access.INSTRUCTOR, ctx -> setVoided(ctx, false)),
                Route.post("/api/v1/learners/{name}/overrides", Access.INSTRUCTOR, this::override),
                Route.get("/api/v1/learners/{name}/feedback", Access.INSTRUCTOR, ctx -> {
                    Person learner = named(ctx);
                    ctx.json(CourseRoutes.feedbackOf(learner.name(), feedback.of(learner.id())));
                }),
                Route.post("/api/v1/learners/{name}/feedback", Access.INSTRUCTOR, this::writeFeedback),
                Route.post("/api/v1/learners/{name}/extensions", Access.INSTRUCTOR, this::extend));
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

    private Person named(Context ctx) {
        return person(ctx.pathParam("name"));
    }

    Person person(String name) {
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
}
