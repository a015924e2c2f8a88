package dev.pymastery.kernel.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The container engine is known in one package only (STYLE.md: one outside technology, one package). */
class EngineConfinementTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/pymastery/kernel");
    private static final Path ENGINE = SOURCES.resolve("runtime/container/engine");
    // Marks of the Engine API itself: its paths, request fields and socket setting. (Unix sockets
    // as such are not the engine's: the kernel pool uses them too.)
    private static final List<String> ENGINE_MARKS =
            List.of("\"/containers/", "\"/images/", "\"/version\"", "DeviceRequests", "(\"DOCKER_HOST\"");

    @Test
    void onlyTheEnginePackageSpeaksTheEngineApi() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> leaks = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(ENGINE))
                    .flatMap(file -> ENGINE_MARKS.stream()
                            .filter(mark -> read(file).contains(mark))
                            .map(mark -> SOURCES.relativize(file) + " mentions " + mark))
                    .toList();
            assertThat(leaks).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
