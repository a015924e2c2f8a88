package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.server.people.Role;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body over the limit gets its 413 every time, not a reset connection: while the server answered
 * without reading such bodies, about one post in thirty here failed with "header parser received no bytes".
 */
class OversizedBodyTest {
    @TempDir
    Path dir;

    @Test
    void everyOversizedPostUpToTheDrainLimitGetsA413() {
        try (ProgressServer server = Fixtures.server(Databases.SQLITE, dir)) {
            String ann = server.people().issueToken(server.people().add("ann", Role.LEARNER));
            JavalinTest.test(server.app(), (app, http) -> {
                Api api = new Api(app.port());
                String good = Fixtures.attempt("w01.repl-audit.money-eq", "passed", 2, 2);
                for (int i = 0; i < 20; i++) {
                    int size = 4_200_000 + i * 600_000; // 4.2 MB up to about 16 MB
                    String huge = good.replace("expected 2, got 3", "x".repeat(size));
                    Api.Answer answer = api.post("/api/v1/attempts", ann, huge);
                    assertThat(answer.status())
                            .as("post %d of %d bytes", i, size)
                            .isEqualTo(413);
                    assertThat(answer.detail()).contains("at most 4194304");
                }
                assertThat(server.attempts().count()).isZero();
            });
        }
    }
}
