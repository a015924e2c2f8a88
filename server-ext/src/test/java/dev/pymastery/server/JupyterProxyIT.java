package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pymastery.server.people.Role;
import dev.pymastery.testkit.ProgressServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Jupyter integration as far as it can be tested without jupyter-server-proxy (neither Debian
 * nor a reachable registry has it here): the generated configuration loads with traitlets, as
 * Jupyter loads it, and names what jupyter-server-proxy reads; and the dashboard works in Chromium
 * behind a proxy that, like jupyter-server-proxy, serves it at /pymastery/ with the prefix stripped.
 */
class JupyterProxyIT {
    @TempDir
    Path dir;

    @Test
    void theConfigurationLoadsAsJupyterLoadsIt() throws Exception {
        Process cli = new ProcessBuilder(
                        ProgressServerProcess.java(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.pymastery.server.cli.ServerCli",
                        "jupyter-proxy-config",
                        "--config-dir",
                        dir.toString(),
                        "--with-command")
                .redirectErrorStream(true)
                .start();
        cli.getOutputStream().close();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(out).isZero();
        Path serverConfig = dir.resolve("jupyter_server_config.d/pymastery-progress.json");
        assertThat(serverConfig).exists();
        assertThat(dir.resolve("jupyter_notebook_config.d/pymastery-progress.json"))
                .exists();
        assertThat(Files.readString(dir.resolve("pymastery-progress.svg"))).startsWith("<svg");

        String script = """
                import json, sys
                from traitlets.config.loader import JSONFileConfigLoader
                c = JSONFileConfigLoader("pymastery-progress.json", path=sys.argv[1]).load_config()
                s = c.ServerProxy.servers["pymastery"]
                # what jupyter-server-proxy does with it: format the command with the port
                s["command"] = [part.format(port=s["port"], base_url="/", unix_socket="") for part in s["command"]]
                print(json.dumps(s))
                """;
        Process python;
        try {
            python = new ProcessBuilder(
                            "python3", "-c", script, serverConfig.getParent().toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (java.io.IOException e) {
            if (Databases.ci()) {
                fail("python3 with traitlets is needed when CI=true", e);
            }
            Assumptions.abort("no python3 here");
            return;
        }
        String loaded = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (python.exitValue() != 0 && !Databases.ci()) {
            Assumptions.abort("python3 cannot load traitlets here");
        }
        JsonNode server = Api.JSON.readTree(loaded);
        assertThat(server.path("port").asInt()).isEqualTo(ServerSettings.DEFAULT_PORT);
        assertThat(server.path("absolute_url").asBoolean()).isFalse();
        assertThat(server.path("command").toString()).endsWith("\"server\",\"run\",\"--port\",\"8765\"]");
        JsonNode launcher = server.path("launcher_entry");
        assertThat(launcher.path("title").asString()).isEqualTo("PyMastery progress");
        assertThat(launcher.path("path_info").asString()).isEqualTo("pymastery/");
        assertThat(Path.of(launcher.path("icon_path").asString())).exists();
        assertThat(launcher.propertyNames())
                .isSubsetOf(List.of("enabled", "icon_path", "title", "path_info", "category", "rank"));
    }

    @Test
    void theDashboardWorksUnderThePrefix() throws Exception {
        Browser.require();
        try (ProgressServer server = Fixtures.server(Databases.SQLITE, dir)) {
            String teacher = server.people().issueToken(server.people().add("teacher", Role.INSTRUCTOR));
            String ann = server.people().issueToken(server.people().add("ann", Role.LEARNER));
            String cara = server.people().issueToken(server.people().add("cara", Role.LEARNER));
            server.app().start("127.0.0.1", 0);
            Api api = new Api(server.app().port());
            String body = Fixtures.attempt(UUID.randomUUID().toString(), "w01.repl-audit.money-eq", "passed", 2, 2);
            assertThat(api.post("/api/v1/attempts", ann, body).status()).isEqualTo(201);
            try (PrefixProxy proxy = new PrefixProxy(server.app().port())) {
                String out = Browser.node(
                        "dashboard-check.mjs",
                        dir.resolve("node.log"),
                        proxy.url().toString(),
                        teacher,
                        ann,
                        cara,
                        dir.toString());
                JsonNode report = Api.JSON.readTree(out);
                assertThat(report.has("failure"))
                        .as(report.path("failure").asString())
                        .isFalse();
                assertThat(report.path("cohortUrl").asString()).endsWith("/pymastery/dashboard/cohort.html");
                assertThat(report.path("liveCell").path("states").asString()).isEqualTo("failed,not-started");
                assertThat(report.path("learnerUrl").asString()).endsWith("/pymastery/dashboard/me.html");
                // no schedule: both weeks open; ann's pass is claimed, not verified, so it does not count yet
                assertThat(report.path("learnerWeeks")).hasSize(2);
                assertThat(report.path("learnerStatus").asString()).isEqualTo("0 of 7 points");
                assertThat(report.path("learnerPending").asString()).startsWith("1 passed check(s) wait");
            }
        }
    }
}
