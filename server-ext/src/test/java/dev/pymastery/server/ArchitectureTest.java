package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each outside technology lives in one package (STYLE.md): JDBC in store, HTTP in web. */
class ArchitectureTest {
    private static final Path MAIN =
            Databases.repositoryRoot().resolve("server-ext/src/main/java/dev/pymastery/server");

    /** Import prefix → the files (relative to the server package) allowed to use it. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "import java.sql", List.of("store/"),
            "import javax.sql", List.of("store/"),
            "import com.zaxxer", List.of("store/"),
            "import org.flywaydb", List.of("store/"),
            "import io.javalin", List.of("web/", "events/", "ProgressServer.java"),
            "import org.eclipse.jetty", List.of("web/"));

    @Test
    void outsideTechnologiesStayInTheirPackage() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String relative = MAIN.relativize(file).toString();
                for (String line : Files.readAllLines(file)) {
                    ALLOWED.forEach((prefix, allowed) -> {
                        if (line.startsWith(prefix)) {
                            assertThat(allowed.stream().anyMatch(relative::startsWith))
                                    .as(relative + " uses " + line)
                                    .isTrue();
                        }
                    });
                }
            }
        }
    }
}
