package dev.pymastery.tests.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.Prerequisites;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ipywidgets in GraalPy cells, in real JupyterLab 4: Debian trixie's jupyterlab with
 * python3-ipywidgets and python3-jupyterlab-widgets 8.1.5 in the root {@code .ci/lab-root.sh} makes.
 * The kernelspec is installed inside that root, so the installer takes the kernel side of
 * ipywidgets from the Python that runs JupyterLab, as it does on a learner's machine. Headless
 * Chromium runs the notebook, moves a slider with the keyboard (its value reaches Python) and
 * interact's slider (its function re-runs), and the screenshot shows both sliders where their
 * values put the handles.
 */
class JupyterLabWidgetsIT {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    private static final Path ROOT_SCRIPT = CHECKOUT.resolve(".ci/lab-root.sh");
    private static final Path BROWSER_DIR = CHECKOUT.resolve("server-ext/src/test/browser");
    private static final String KERNEL = "pymastery-lab";
    private static final String DISPLAY_NAME = "Python Mastery (JupyterLab test)";

    @Test
    void aSliderReachesPythonAndInteractReruns() throws Exception {
        // Under the checkout: the root sees the checkout at the same path, and nothing else of this machine.
        Path work = Path.of("target", "it-work", "lab-widgets").toAbsolutePath();
        deleteTree(work);
        Path notebooks = Files.createDirectories(work.resolve("notebooks"));
        Files.createDirectories(work.resolve("jupyter-config"));
        Path shots = Files.createDirectories(work.resolve("browser"));
        requireRoot(work);
        requireBrowser();

        String install = inRoot(
                work.resolve("install.log"),
                Duration.ofMinutes(3),
                javaExecutable(),
                "-cp",
                kernelBuild().resolve("pymastery-kernel.jar") + ":"
                        + kernelBuild().resolve("lib") + "/*",
                "dev.pymastery.kernel.cli.Cli",
                "install",
                "--prefix",
                work.resolve("prefix").toString(),
                "--name",
                KERNEL,
                "--display-name",
                DISPLAY_NAME,
                "--env",
                "PYMASTERY_POOL_SIZE=0");
        assertThat(install)
                .as("the installer takes ipywidgets from the root's Python")
                .contains("widgets: ipywidgets 8.");

        writeNotebook(notebooks.resolve("widgets.ipynb"));
        int port = freePort();
        String token = UUID.randomUUID().toString();
        ProcessBuilder lab = new ProcessBuilder(
                        "bash",
                        ROOT_SCRIPT.toString(),
                        "run",
                        "python3",
                        "-m",
                        "jupyterlab",
                        "--allow-root",
                        "--no-browser",
                        "--ServerApp.ip=127.0.0.1",
                        "--ServerApp.port=" + port,
                        "--ServerApp.port_retries=0",
                        "--IdentityProvider.token=" + token,
                        "--ServerApp.root_dir=" + notebooks,
                        "--LabApp.user_settings_dir=" + settings(work),
                        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("jupyterlab.log").toFile());
        lab.environment()
                .put("JUPYTER_PATH", work.resolve("prefix/share/jupyter").toString());
        lab.environment()
                .put("JUPYTER_CONFIG_DIR", work.resolve("jupyter-config").toString());
        lab.environment()
                .put("JUPYTER_RUNTIME_DIR", work.resolve("jupyter-runtime").toString());
        Process server = lab.start();
        String base = "http://127.0.0.1:" + port + "/";
        try {
            awaitServer(base, token, server, work.resolve("jupyterlab.log"));
            String out = node(
                    work.resolve("node.log"),
                    CHECKOUT.resolve("tests/src/test/browser/lab-widgets.mjs").toString(),
                    BROWSER_DIR.toString(),
                    base,
                    token,
                    "widgets.ipynb",
                    KERNEL,
                    DISPLAY_NAME,
                    shots.toString());
            JsonNode report = JSON.readTree(out);
            String context = "browser report:\n" + report.toPrettyString() + "\nJupyterLab log:\n"
                    + tail(work.resolve("jupyterlab.log"));
            assertThat(report.has("failure")).as(context).isFalse();
            assertThat(report.path("sessionKernel").asString()).as(context).isEqualTo(KERNEL);
            assertThat(report.path("sliderCount").asInt()).as(context).isEqualTo(2);
            assertThat(report.path("readout").asString()).as(context).isEqualTo("7");
            assertThat(report.path("valueInPython").asString()).as(context).isEqualTo("slider.value=7");
            assertThat(report.path("interactBefore").asString()).as(context).contains("square=16");
            assertThat(report.path("interactAfter").asString())
                    .as(context)
                    .contains("square=36")
                    .doesNotContain("square=16");
            assertThat(errors(report)).as(context).isEmpty();
            screenshotShowsTheHandles(shots.resolve("widgets.png"), report);
        } finally {
            stop(server, base, token);
            keep(shots);
        }
    }

    /**
     * The handles are drawn at the values' places on their tracks: 7 of 0..10 and 6 of 0..10. Found
     * in the screenshot's pixels along each track's middle row, not from the page's layout.
     */
    private static void screenshotShowsTheHandles(Path png, JsonNode report) throws IOException {
        BufferedImage shot = ImageIO.read(png.toFile());
        assertThat(shot).as("screenshot " + png).isNotNull();
        checkHandle(shot, report.path("slider"), report.path("handle"), 0.7, "the first slider (7 of 0..10)");
        checkHandle(shot, report.path("interactSlider"), report.path("interactHandle"), 0.6, "interact's slider");
    }

    private static void checkHandle(BufferedImage shot, JsonNode track, JsonNode handle, double at, String what) {
        int y = (int) (handle.path("y").asDouble() + handle.path("height").asDouble() / 2);
        int left = (int) track.path("x").asDouble();
        int right = (int) (left + track.path("width").asDouble());
        // The handle is the longest run of one colour on that row that differs from the track's.
        int trackColour = shot.getRGB(left + 2, y) & 0xffffff;
        int bestStart = -1;
        int bestLength = 0;
        int x = left;
        while (x < right) {
            int colour = shot.getRGB(x, y) & 0xffffff;
            int start = x;
            while (x < right && (shot.getRGB(x, y) & 0xffffff) == colour) {
                x++;
            }
            if (colour != trackColour && x - start > bestLength) {
                bestLength = x - start;
                bestStart = start;
            }
            x = Math.max(x, start + 1);
        }
        assertThat(bestStart).as(what + ": no handle drawn on row " + y).isGreaterThanOrEqualTo(0);
        double centre = bestStart + bestLength / 2.0;
        double expected = left + at * (right - left);
        assertThat(Math.abs(centre - expected))
                .as(
                        "%s: handle drawn at x=%.0f, expected near %.0f (track %d..%d)",
                        what, centre, expected, left, right)
                .isLessThan(0.06 * (right - left) + 4);
    }

    /** Console errors, less the ones JupyterLab logs about features a test server lacks. */
    private static List<String> errors(JsonNode report) {
        List<String> errors = new ArrayList<>();
        for (JsonNode error : report.path("errors")) {
            String text = error.asString();
            if (!text.contains("Failed to load resource")) {
                errors.add(text);
            }
        }
        return errors;
    }

    /** JupyterLab's user settings: no news toast over the notebook (it would fetch from the internet). */
    private static Path settings(Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("lab-settings/@jupyterlab/apputils-extension"));
        Files.writeString(dir.resolve("notification.jupyterlab-settings"), "{\"fetchNews\": \"false\"}\n");
        return work.resolve("lab-settings");
    }

    private static void writeNotebook(Path file) throws IOException {
        ObjectNode notebook = JSON.createObjectNode();
        notebook.put("nbformat", 4).put("nbformat_minor", 5);
        ObjectNode metadata = notebook.putObject("metadata");
        metadata.putObject("kernelspec")
                .put("name", KERNEL)
                .put("display_name", DISPLAY_NAME)
                .put("language", "python");
        ArrayNode cells = notebook.putArray("cells");
        String[] sources = {
            "import ipywidgets as widgets\nslider = widgets.IntSlider(value=3, min=0, max=10, description=\"n\")\nslider",
            "from ipywidgets import interact\n\n@interact(x=(0, 10))\ndef square(x=4):\n    print(f\"square={x * x}\")",
            "print(f\"slider.value={slider.value}\")"
        };
        for (int i = 0; i < sources.length; i++) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "code").put("id", "cell-" + i).putNull("execution_count");
            cell.putObject("metadata");
            cell.putArray("outputs");
            cell.put("source", sources[i]);
        }
        Files.writeString(file, notebook.toPrettyString());
    }

    private static void requireRoot(Path work) throws Exception {
        Process made = new ProcessBuilder("bash", ROOT_SCRIPT.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("lab-root.log").toFile())
                .start();
        boolean ended = made.waitFor(15, TimeUnit.MINUTES);
        Prerequisites.require(
                ended && made.exitValue() == 0,
                "a Debian trixie root with JupyterLab 4 and ipywidgets 8 (.ci/lab-root.sh, needs debootstrap and"
                        + " root or sudo):\n" + tail(work.resolve("lab-root.log")));
    }

    private static void requireBrowser() throws Exception {
        Process browser = new ProcessBuilder(
                        "bash", CHECKOUT.resolve(".ci/browser.sh").toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = browser.waitFor(10, TimeUnit.MINUTES);
        Prerequisites.require(
                ended && browser.exitValue() == 0,
                "Chromium, Node and playwright-core (.ci/browser.sh): " + out.strip());
    }

    /** Runs a command inside the lab root; returns its output, failing on a non-zero exit. */
    private static String inRoot(Path log, Duration limit, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("bash", ROOT_SCRIPT.toString(), "run"));
        argv.addAll(List.of(command));
        Process process = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended && process.exitValue() == 0)
                .as("in the lab root: %s%n%s", String.join(" ", command), output)
                .isTrue();
        return output;
    }

    private static String node(Path log, String script, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("node", script));
        argv.addAll(List.of(args));
        Process process = new ProcessBuilder(argv)
                .directory(BROWSER_DIR.toFile())
                .redirectError(log.toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(6, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended && process.exitValue() == 0)
                .as("node %s: %s%n%s", script, out, Files.readString(log))
                .isTrue();
        return out;
    }

    private static void awaitServer(String base, String token, Process server, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("JupyterLab exited:\n" + tail(log)).isTrue();
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(base + "api/status"))
                                .header("Authorization", "token " + token)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("JupyterLab did not answer on " + base + " in 2 minutes:\n" + tail(log));
    }

    /** Asks JupyterLab to shut down (it stops its kernels), then ends what is left of the process tree. */
    private static void stop(Process server, String base, String token) throws InterruptedException {
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "api/shutdown"))
                                    .header("Authorization", "token " + token)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // already gone: the process tree is ended below
        }
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    /** Keeps the screenshots in target/lab-screenshots for a person to look at. */
    private static void keep(Path shots) throws IOException {
        Path kept = Files.createDirectories(Path.of("target", "lab-screenshots"));
        try (var files = Files.list(shots)) {
            for (Path file : files.toList()) {
                Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path kernelBuild() {
        return Path.of(System.getProperty("pymastery.kernel.build", "../kernel/target"))
                .toAbsolutePath()
                .normalize();
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
