package dev.pymastery.tests.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.Execution;
import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.JupyterDriver;
import dev.pymastery.testkit.ProgressServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code %fetch} through a real Jupyter client against the real progress server, with a week
 * published by {@code ./pymastery server publish}: it lists the week, downloads the notebook and
 * its checks file into the notebook's folder, keeps a learner's changed notebook, and says so when
 * a week is not published.
 */
class FetchMagicIT {
    static final String CHECKS = """
            week: 1
            title: Fetching
            checks:
              - id: w01.fetch.hello
                title: hello() greets
                test: |
                  assert hello() == "hi"
            """;

    static final String LEARNER_NOTEBOOK = """
            {"cells": [{"cell_type": "code", "id": "a1", "metadata": {}, "execution_count": null, "outputs": [],
              "source": ["def hello():\\n", "    # YOUR CODE HERE\\n", "    raise NotImplementedError()"]},
             {"cell_type": "code", "id": "a2", "metadata": {}, "execution_count": null, "outputs": [],
              "source": ["%check w01.fetch.hello"]}],
             "metadata": {"pymastery": {"release": {"source": "month1/week01-fetch.ipynb", "week": 1}}},
             "nbformat": 4, "nbformat_minor": 5}
            """;

    @Test
    void fetchDownloadsThePublishedWeekWithoutOverwritingTheLearnersNotebook() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "it-work", "fetch-" + UUID.randomUUID()))
                .toAbsolutePath();
        Path catalog = Files.createDirectories(root.resolve("catalog/month1"));
        Files.writeString(catalog.resolve("week01-fetch.checks.yaml"), CHECKS);
        Path release = Files.createDirectories(root.resolve("release/month1"));
        Files.writeString(release.resolve("week01-fetch.ipynb"), LEARNER_NOTEBOOK);
        Files.writeString(release.resolve("week01-fetch.checks.yaml"), CHECKS);
        Path work = Files.createDirectories(root.resolve("work"));
        String database = "jdbc:sqlite:" + root.resolve("progress.db");
        String token = ProgressServerProcess.addLearner(database, "ann");
        Files.writeString(root.resolve("token"), token + "\n");
        assertThat(ProgressServerProcess.cli(
                        "publish",
                        "1",
                        "--at",
                        "now",
                        "--from",
                        root.resolve("release").toString(),
                        "--db",
                        database,
                        "--catalog",
                        root.resolve("catalog").toString()))
                .contains("published week 1 (Fetching)");
        int port = ProgressServerProcess.freePort();
        try (ProgressServerProcess server = ProgressServerProcess.start(
                        port, database, root.resolve("catalog"), root.resolve("server.log"));
                JupyterDriver kernel = JupyterDriver.start(
                        InstalledKernel.install(
                                "pymastery-fetch-it",
                                Map.of(
                                        "PYMASTERY_POOL_SIZE", "0",
                                        "PYMASTERY_SERVER_URL", server.url().toString(),
                                        "PYMASTERY_TOKEN_FILE",
                                                root.resolve("token").toString(),
                                        "PYMASTERY_OUTBOX",
                                                root.resolve("outbox").toString())),
                        work,
                        root.resolve("kernel.log"))) {
            Execution list = kernel.execute("%fetch");
            assertThat(list.status()).isEqualTo("ok");
            assertThat(list.stdout()).contains("Published weeks", "week 1: Fetching");

            Execution fetched = kernel.execute("%fetch week01");
            assertThat(fetched.stdout())
                    .contains("Week 1: Fetching")
                    .contains("downloaded week01-fetch.ipynb into " + work)
                    .contains("downloaded week01-fetch.checks.yaml");
            assertThat(work.resolve("week01-fetch.ipynb")).hasContent(LEARNER_NOTEBOOK);
            assertThat(work.resolve("week01-fetch.checks.yaml")).hasContent(CHECKS);

            // the fetched checks file is the one %check finds beside the notebook
            kernel.execute("def hello():\n    return 'hi'");
            assertThat(kernel.execute("%check w01.fetch.hello").status()).isEqualTo("ok");

            Files.writeString(
                    work.resolve("week01-fetch.ipynb"),
                    LEARNER_NOTEBOOK.replace("raise NotImplementedError()", "return 'hi'"));
            Execution again = kernel.execute("%fetch 1");
            assertThat(again.stdout())
                    .contains("week01-fetch.ipynb here has your changes, so it is kept")
                    .contains("week01-fetch-Copy1.ipynb")
                    .contains("week01-fetch.checks.yaml is up to date");
            assertThat(Files.readString(work.resolve("week01-fetch.ipynb"))).contains("return 'hi'");
            assertThat(work.resolve("week01-fetch-Copy1.ipynb")).hasContent(LEARNER_NOTEBOOK);

            assertThat(kernel.execute("%fetch 5").stdout())
                    .contains("Week 5 is not published to you (yet). Published: weeks [1].");
            assertThat(kernel.execute("%fetch soon").status()).isEqualTo("error");
        }
    }
}
