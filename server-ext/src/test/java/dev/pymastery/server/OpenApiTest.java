package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.server.web.Access;
import dev.pymastery.server.web.Route;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes exactly the routes the app serves, with the right security. */
class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        try (ProgressServer server = Fixtures.server(Databases.SQLITE, dir)) {
            JsonNode document;
            try (var in = getClass().getResourceAsStream("/dev/pymastery/server/web/openapi.json")) {
                document = Api.JSON.readTree(in);
            }
            Set<String> served = new TreeSet<>();
            for (Route route : server.routes()) {
                String operation = route.method().name().toLowerCase(Locale.ROOT) + " " + route.path();
                served.add(operation);
                JsonNode described = document.path("paths")
                        .path(route.path())
                        .path(route.method().name().toLowerCase(Locale.ROOT));
                assertThat(described.isObject())
                        .as(operation + " is documented")
                        .isTrue();
                boolean documentedPublic =
                        described.has("security") && described.path("security").isEmpty();
                assertThat(documentedPublic).as(operation + " public?").isEqualTo(route.access() == Access.PUBLIC);
            }
            Set<String> documented = new TreeSet<>();
            for (String path : document.path("paths").propertyNames()) {
                for (String method : document.path("paths").path(path).propertyNames()) {
                    documented.add(method + " " + path);
                }
            }
            assertThat(documented).isEqualTo(served);
        }
    }
}
