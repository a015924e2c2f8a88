package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.progress.client.ProgressClient;
import dev.pymastery.progress.client.PublishedWeeks;
import dev.pymastery.progress.client.WeekFetch;
import dev.pymastery.server.course.Publication;
import dev.pymastery.server.course.WeekFile;
import dev.pymastery.server.people.Role;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %fetch}'s library against the real server: downloads, never overwriting the learner's notebook. */
class WeekFetchTest {
    @TempDir
    Path dir;

    ProgressServer server;
    String ann;

    @BeforeEach
    void start() {
        server = Fixtures.server(Databases.SQLITE, dir);
        ann = server.people().issueToken(server.people().add("ann", Role.LEARNER));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fetchWritesThePublishedFilesAndKeepsTheLearnersOwnNotebook() throws Exception {
        JavalinTest.test(server.app(), (app, http) -> {
            ProgressClient client = ProgressClient.create(URI.create("http://127.0.0.1:" + app.port()), ann);
            Path work = Files.createDirectories(dir.resolve("work"));
            assertThat(WeekFetch.fetch(client, 1, work)).isInstanceOf(WeekFetch.Result.NotScheduled.class);

            Instant yesterday = Instant.now().minus(Duration.ofDays(1));
            List<WeekFile> files =
                    Fixtures.publish(server, 1, yesterday, Optional.of(yesterday.plus(Duration.ofDays(7))));
            Fixtures.publish(server, 2, Instant.now().plus(Duration.ofDays(6)), Optional.empty());
            PublishedWeeks weeks = client.publishedWeeks();
            assertThat(weeks.scheduled()).isTrue();
            assertThat(weeks.weeks()).extracting(PublishedWeeks.Week::week).containsExactly(1);
            assertThat(weeks.weeks().get(0).deadline()).isPresent();

            WeekFetch.Result first = WeekFetch.fetch(client, 1, work);
            assertThat(((WeekFetch.Result.Fetched) first).files())
                    .containsExactly(
                            new WeekFetch.Placed.Written("week01-test.ipynb"),
                            new WeekFetch.Placed.Written("week01-test.checks.yaml"));
            Path notebook = work.resolve("week01-test.ipynb");
            assertThat(notebook).hasContent(files.get(0).content());
            assertThat(work.resolve("week01-test.checks.yaml"))
                    .hasContent(files.get(1).content());
            assertThat(((WeekFetch.Result.Fetched) WeekFetch.fetch(client, 1, work)).files())
                    .allMatch(p -> p instanceof WeekFetch.Placed.UpToDate);

            String mine = files.get(0).content().replace("raise NotImplementedError()", "x = 42");
            Files.writeString(notebook, mine);
            server.course()
                    .schedule()
                    .store()
                    .publish(
                            new Publication(
                                    1,
                                    yesterday,
                                    Optional.empty(),
                                    List.of(
                                            files.get(0),
                                            WeekFile.of(
                                                    1,
                                                    "week01-test.checks.yaml",
                                                    WeekFile.Kind.CHECKS,
                                                    files.get(1).content() + "# fixed a hint\n"))),
                            "test");
            WeekFetch.Result again = WeekFetch.fetch(client, 1, work);
            assertThat(((WeekFetch.Result.Fetched) again).files())
                    .containsExactly(
                            new WeekFetch.Placed.Beside("week01-test.ipynb", "week01-test-Copy1.ipynb"),
                            new WeekFetch.Placed.Replaced("week01-test.checks.yaml"));
            assertThat(notebook).as("the learner's work is never overwritten").hasContent(mine);
            assertThat(work.resolve("week01-test-Copy1.ipynb"))
                    .hasContent(files.get(0).content());
            assertThat(work.resolve("week01-test.checks.yaml")).content().endsWith("# fixed a hint\n");
            assertThat(((WeekFetch.Result.Fetched) WeekFetch.fetch(client, 1, work))
                            .files()
                            .get(0))
                    .isEqualTo(new WeekFetch.Placed.Beside("week01-test.ipynb", "week01-test-Copy1.ipynb"));
            assertThat(work.resolve("week01-test-Copy2.ipynb")).doesNotExist();

            assertThat(WeekFetch.fetch(client, 2, work)).isEqualTo(new WeekFetch.Result.NotPublished(2, List.of(1)));
            try (var listing = Files.list(work)) {
                assertThat(listing.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder(
                                "week01-test.ipynb", "week01-test-Copy1.ipynb", "week01-test.checks.yaml");
            }
        });
    }
}
