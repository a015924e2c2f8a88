package dev.pymastery.server.web;

import dev.pymastery.server.attempts.RecorderBusyException;
import dev.pymastery.server.store.StoreException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Every error becomes an RFC 9457 problem document ({@code application/problem+json}) with a detail
 * that says what was wrong and what to do. Bad input is a 4xx; a 5xx means the server or its
 * database failed, and is logged.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final String WRITTEN = "pymastery.problem";

    private Problems() {}

    static void install(JavalinConfig config) {
        config.routes.exception(ApiProblem.class, (e, ctx) -> write(ctx, e.status(), e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), detail(e)));
        config.routes.exception(
                JacksonException.class,
                (e, ctx) -> write(ctx, 400, "the body is not valid JSON: " + e.getOriginalMessage()));
        config.routes.exception(RecorderBusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            write(ctx, 503, e.getMessage());
        });
        config.routes.exception(StoreException.class, (e, ctx) -> {
            LOG.error("database failure on {} {}", ctx.method(), ctx.path(), e);
            ctx.header("Retry-After", "5");
            write(ctx, 503, "the database is not available; try again shortly");
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            Optional<HttpException> badMessage = badMessage(e);
            if (badMessage.isPresent()) {
                write(
                        ctx,
                        badMessage.get().getCode(),
                        "the request is malformed: " + badMessage.get().getReason());
                return;
            }
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal error; the server log has the details");
        });
        config.routes.error(404, ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
                write(
                        ctx,
                        404,
                        "no such endpoint: " + ctx.method() + " " + ctx.path()
                                + "; the API is described at api/v1/openapi.json");
            }
        });
    }

    /** Answers a failure that happened outside a handler (in a future): as the exception handlers would. */
    static void failure(Context ctx, Throwable error) {
        switch (error) {
            case ApiProblem problem -> write(ctx, problem.status(), problem.getMessage());
            case RecorderBusyException busy -> {
                ctx.header("Retry-After", "1");
                write(ctx, 503, busy.getMessage());
            }
            case StoreException store -> {
                LOG.error("database failure on {} {}", ctx.method(), ctx.path(), store);
                ctx.header("Retry-After", "5");
                write(ctx, 503, "the database is not available; try again shortly");
            }
            default -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), error);
                write(ctx, 500, "internal error; the server log has the details");
            }
        }
    }

    /** Jetty's verdict on a malformed request (bad multipart, bad form), wherever it is in the causes. */
    private static Optional<HttpException> badMessage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException bad) {
                return Optional.of(bad);
            }
        }
        return Optional.empty();
    }

    static void write(Context ctx, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.forStatus(status).getMessage());
        problem.put("status", status);
        problem.put("detail", detail);
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(status);
        ctx.json(problem);
        ctx.contentType("application/problem+json");
    }

    private static String detail(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> "the body is too large; an attempt's JSON is at most " + JsonBody.MAX_BYTES + " bytes";
            default -> e.getMessage();
        };
    }
}
