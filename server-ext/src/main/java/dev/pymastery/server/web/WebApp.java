package dev.pymastery.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import io.javalin.router.Endpoint;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the Javalin app from the route table. Javalin picks Jackson 2 by default; we hand it our
 * Jackson 3 mapper, so there is one JSON library in the server.
 */
public final class WebApp {
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.pymastery.server.access");

    private WebApp() {}

    public static Javalin create(
            List<Route> routes, Authenticator authenticator, Metrics metrics, JsonMapper json, boolean accessLog) {
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson3(json, false));
            config.http.maxRequestSize = JsonBody.MAX_BYTES;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems(json)));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyProblems(json)));
            config.staticFiles.add(files -> {
                files.hostedPath = "/dashboard";
                files.directory = "/dev/pymastery/server/dashboard";
                files.location = Location.CLASSPATH;
            });
            config.routes.beforeMatched(authenticator::check);
            Problems.install(config);
            for (Route route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(), route.handler(), route.access());
            }
            config.requestLogger.http((ctx, ms) -> {
                String route = route(ctx);
                metrics.request(ctx.method().name(), route, ctx.statusCode(), ms / 1000.0);
                if (accessLog) {
                    ACCESS.atInfo()
                            .addKeyValue("method", ctx.method().name())
                            .addKeyValue("path", ctx.path())
                            .addKeyValue("route", route)
                            .addKeyValue("status", ctx.statusCode())
                            .addKeyValue("ms", Math.round(ms * 100) / 100.0)
                            .log("request");
                }
            });
        });
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        return ctx.path().startsWith("/dashboard/") ? "/dashboard/*" : "unmatched";
    }
}
