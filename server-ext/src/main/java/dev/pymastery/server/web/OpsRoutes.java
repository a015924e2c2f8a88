package dev.pymastery.server.web;

import dev.pymastery.server.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Operations: liveness, readiness, Prometheus metrics and the OpenAPI document. */
public final class OpsRoutes {
    static final String OPENAPI_RESOURCE = "/dev/pymastery/server/web/openapi.json";
    private final Database database;
    private final Metrics metrics;
    private final byte[] openApi;

    public OpsRoutes(Database database, Metrics metrics) {
        this.database = database;
        this.metrics = metrics;
        this.openApi = openApiDocument();
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/healthz", Access.PUBLIC, ctx -> ctx.json(Map.of("status", "ok"))),
                Route.get("/readyz", Access.PUBLIC, ctx -> {
                    boolean ready = database.ready();
                    ctx.status(ready ? 200 : 503)
                            .json(Map.of(
                                    "status",
                                    ready ? "ready" : "database unavailable",
                                    "database",
                                    database.dialect().name().toLowerCase(java.util.Locale.ROOT)));
                }),
                Route.get("/metrics", Access.PUBLIC, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape())),
                Route.get("/api/v1/openapi.json", Access.PUBLIC, ctx -> ctx.contentType("application/json")
                        .result(openApi)));
    }

    static byte[] openApiDocument() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
