package dev.pymastery.server.web;

import dev.pymastery.server.people.Person;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's entry points. The pages themselves are static files under {@code /dashboard/} that
 * read the API with the login cookie. Every link and redirect is relative, so the dashboard works
 * under a path prefix (jupyter-server-proxy serves it at {@code /pymastery/}).
 */
public final class DashboardRoutes {
    private static final int COOKIE_SECONDS = 30 * 24 * 3600;
    private final Authenticator authenticator;

    public DashboardRoutes(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/", Access.PUBLIC, this::home),
                Route.get("/login", Access.PUBLIC, this::loginLink),
                Route.post("/login", Access.PUBLIC, this::loginForm),
                Route.post("/logout", Access.PUBLIC, ctx -> {
                    ctx.header("Set-Cookie", Authenticator.COOKIE + "=; Max-Age=0; HttpOnly; SameSite=Strict");
                    ctx.redirect("dashboard/login.html", HttpStatus.SEE_OTHER);
                }));
    }

    private void home(Context ctx) {
        Optional<Person> person =
                Optional.ofNullable(ctx.cookie(Authenticator.COOKIE)).flatMap(authenticator::lookUp);
        String page = person.map(p -> p.isInstructor() ? "dashboard/cohort.html" : "dashboard/me.html")
                .orElse("dashboard/login.html");
        ctx.redirect(page, HttpStatus.FOUND);
    }

    /** {@code GET /login?token=...}: a login link, as {@code ./pymastery server} prints it. */
    private void loginLink(Context ctx) {
        String token = ctx.queryParam("token");
        if (token == null) {
            ctx.redirect("dashboard/login.html", HttpStatus.FOUND);
            return;
        }
        logIn(ctx, token);
    }

    private void loginForm(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            throw new ApiProblem(415, "send the login form as application/x-www-form-urlencoded with a 'token' field");
        }
        String token = ctx.formParam("token");
        logIn(ctx, token == null ? "" : token.strip());
    }

    private void logIn(Context ctx, String token) {
        if (authenticator.lookUp(token).isEmpty()) {
            ctx.redirect("dashboard/login.html?failed", HttpStatus.SEE_OTHER);
            return;
        }
        // No Path attribute: the cookie belongs to this folder, which is /pymastery/ behind the proxy.
        ctx.header(
                "Set-Cookie",
                Authenticator.COOKIE + "=" + token + "; Max-Age=" + COOKIE_SECONDS + "; HttpOnly; SameSite=Strict");
        ctx.redirect("./", HttpStatus.SEE_OTHER);
    }
}
