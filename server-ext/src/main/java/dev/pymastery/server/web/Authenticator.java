package dev.pymastery.server.web;

import dev.pymastery.server.people.Person;
import dev.pymastery.server.store.PeopleStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every matched request against its route's {@link Access}. The token comes from {@code
 * Authorization: Bearer}, or, for GET only, from the dashboard's cookie (set by the login page,
 * HttpOnly and SameSite=Strict, so another site can neither read it nor make it write).
 */
public final class Authenticator {
    static final String COOKIE = "pymastery_token";
    private static final String PERSON = "pymastery.person";
    private final PeopleStore people;

    public Authenticator(PeopleStore people) {
        this.people = people;
    }

    /** The before-matched check; static files (no roles) are public. */
    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Access.PUBLIC)) {
            return;
        }
        Optional<String> token = token(ctx);
        if (token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"pymastery\"");
            throw new ApiProblem(
                    401,
                    "this endpoint needs a token: send 'Authorization: Bearer <token>'"
                            + " (./pymastery server add-learner NAME issues one)");
        }
        Person person = lookUp(token.get()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"pymastery\", error=\"invalid_token\"");
            return new ApiProblem(
                    401,
                    "the token is unknown or revoked; ask for a new one"
                            + " (./pymastery server token NAME) or run ./pymastery server ensure-local-learner");
        });
        if (roles.contains(Access.INSTRUCTOR) && !person.isInstructor()) {
            throw ApiProblem.forbidden("only instructors may see this; " + person.name() + " is a learner");
        }
        ctx.attribute(PERSON, person);
    }

    /** The person the request was authenticated as; only on routes that need one. */
    static Person person(Context ctx) {
        Person person = ctx.attribute(PERSON);
        if (person == null) {
            throw new IllegalStateException("route " + ctx.path() + " reads the person but is public");
        }
        return person;
    }

    /** The person of a token, if it is valid. */
    Optional<Person> lookUp(String token) {
        if (token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return people.byToken(token);
    }

    private static Optional<String> token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.of(header.substring(7).strip());
            }
            throw new ApiProblem(401, "the Authorization header must be 'Bearer <token>'");
        }
        if (ctx.method() == HandlerType.GET) {
            return Optional.ofNullable(ctx.cookie(COOKIE));
        }
        return Optional.empty();
    }
}
