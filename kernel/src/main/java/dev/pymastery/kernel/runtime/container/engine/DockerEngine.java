package dev.pymastery.kernel.runtime.container.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The Docker Engine API over its Unix socket: Docker, or Podman's compatible service. Paths carry
 * no API version, so the engine answers in its own current version (Docker 29 refuses versions
 * below 1.44, Podman 4 serves 1.41). A container is created, attached (before it starts, so no
 * output is lost), then started.
 */
public final class DockerEngine implements Engine {
    private static final System.Logger LOG = System.getLogger(DockerEngine.class.getName());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final UnixHttpClient http;
    private final ObjectMapper json;
    private volatile Flavor flavor;

    /**
     * Which engine serves the API, from {@code GET /version}.
     *
     * @param podman whether the components list "Podman Engine"
     */
    public record Flavor(boolean podman, String version) {
        public String describe() {
            return (podman ? "Podman " : "Docker ") + version;
        }

        /** Podman's compatible API honours CDI device requests from 5.4 on (containers/podman#25171). */
        public boolean honoursCdiRequests() {
            return podman && compare(version, "5.4") >= 0;
        }
    }

    private DockerEngine(UnixHttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    public static DockerEngine at(Path socket, ObjectMapper json) {
        return new DockerEngine(new UnixHttpClient(socket), json);
    }

    /**
     * Where the engine listens: {@code DOCKER_HOST} when set (only {@code unix://} sockets), else
     * the first of Docker's and Podman's usual sockets that exists.
     *
     * @throws IllegalArgumentException for a DOCKER_HOST that is not a Unix socket
     */
    public static Optional<Path> socket(Map<String, String> env) {
        String host = env.getOrDefault("DOCKER_HOST", "").strip();
        if (!host.isEmpty()) {
            if (!host.startsWith("unix://")) {
                throw new IllegalArgumentException("DOCKER_HOST=" + host
                        + " is not supported: PyMastery talks to the engine over a Unix socket (unix:///path)");
            }
            return Optional.of(Path.of(host.substring("unix://".length())));
        }
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock")));
        String runtimeDir = env.getOrDefault("XDG_RUNTIME_DIR", "");
        if (!runtimeDir.isBlank()) {
            candidates.add(Path.of(runtimeDir, "podman", "podman.sock"));
            candidates.add(Path.of(runtimeDir, "docker.sock"));
        }
        candidates.add(Path.of("/run/podman/podman.sock"));
        return candidates.stream().filter(Files::exists).findFirst();
    }

    /** Why no engine was found and how to start one, for when {@link #socket} found none. */
    public static String notFound() {
        return "DOCKER_HOST is not set and none of /var/run/docker.sock, $XDG_RUNTIME_DIR/podman/podman.sock,"
                + " $XDG_RUNTIME_DIR/docker.sock, /run/podman/podman.sock exists.\nStart Docker, or Podman's"
                + " service (podman system service --time=0 unix:///run/podman/podman.sock)";
    }

    public Path socketPath() {
        return http.socket();
    }

    /** Which engine this is; asked once ({@code GET /version} takes a second or two on Podman). */
    public Flavor flavor() {
        Flavor known = flavor;
        if (known == null) {
            UnixHttpClient.Response response = http.call("GET", "/version", new byte[0]);
            if (!response.ok()) {
                throw new EngineException(response.status(), EngineException.messageOf(response.text()));
            }
            known = flavorOf(json.readTree(response.body()));
            flavor = known;
        }
        return known;
    }

    static Flavor flavorOf(JsonNode version) {
        for (JsonNode component : version.path("Components")) {
            if (component.path("Name").asString("").equals("Podman Engine")) {
                return new Flavor(true, component.path("Version").asString("?"));
            }
        }
        return new Flavor(false, version.path("Version").asString("?"));
    }

    @Override
    public String gpuHint() {
        Flavor flavor = flavor();
        if (flavor.podman()) {
            return "Podman attaches GPUs through CDI: install the NVIDIA Container Toolkit and run"
                    + " 'nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml'."
                    + (flavor.honoursCdiRequests()
                            ? ""
                            : " " + flavor.describe() + " ignores GPU requests made through its Docker-compatible"
                                    + " API; Podman 5.4 or newer honours them.");
        }
        return "Docker attaches GPUs with the NVIDIA Container Toolkit: install it, run 'nvidia-ctk runtime"
                + " configure --runtime=docker' and restart Docker.";
    }

    @Override
    public String description() {
        try {
            return flavor().describe();
        } catch (EngineException e) {
            return "Docker API at " + http.socket() + " (not answering)";
        }
    }

    @Override
    public AgentProcess launch(LaunchRequest request, PullListener progress) {
        Optional<Flavor> gpuFlavor = request.gpu() ? Optional.of(flavor()) : Optional.empty();
        byte[] body = json.writeValueAsBytes(ContainerConfig.of(request, gpuFlavor));
        String name = "pymastery-" + request.runtime() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String create = "/containers/create?name=" + name;
        UnixHttpClient.Response created = http.call("POST", create, body);
        if (created.status() == 404) {
            if (!request.pull()) {
                throw new ImageUnavailableException(request.image(), EngineException.messageOf(created.text()));
            }
            pull(request.image(), progress);
            created = http.call("POST", create, body);
        }
        if (!created.ok()) {
            throw new EngineException(created.status(), EngineException.messageOf(created.text()));
        }
        String id = json.readTree(created.body()).path("Id").asString();
        try {
            UnixHttpClient.Upgraded attach =
                    http.upgrade("POST", "/containers/" + id + "/attach?stream=1&stdin=1&stdout=1&stderr=1");
            UnixHttpClient.Response started = http.call("POST", "/containers/" + id + "/start", new byte[0]);
            if (!started.ok()) {
                closeQuietly(attach);
                throw new EngineException(started.status(), EngineException.messageOf(started.text()));
            }
            return new DockerContainer(id, attach, this);
        } catch (RuntimeException e) {
            remove(id);
            throw e;
        }
    }

    private void pull(String image, PullListener listener) {
        String path = "/images/create?fromImage=" + encode(image) + (hasTag(image) ? "" : "&tag=latest");
        PullProgress progress = new PullProgress();
        listener.progress(image, new PullListener.Progress(0, 0, 0, 0, "starting"));
        UnixHttpClient.Response response = http.stream("POST", path, new byte[0], line -> {
            if (line.isBlank()) {
                return;
            }
            progress.accept(json.readTree(line));
            listener.progress(image, progress.snapshot());
        });
        boolean pulled = response.ok() && progress.error().isEmpty();
        listener.finished(image, pulled);
        if (!response.ok()) {
            throw new ImageUnavailableException(image, EngineException.messageOf(response.text()));
        }
        if (progress.error().isPresent()) {
            throw new ImageUnavailableException(image, progress.error().get());
        }
    }

    static boolean hasTag(String image) {
        int slash = image.lastIndexOf('/');
        return image.indexOf(':', slash + 1) >= 0 || image.contains("@");
    }

    JsonNode inspect(String id) {
        UnixHttpClient.Response response = http.call("GET", "/containers/" + id + "/json", new byte[0]);
        if (!response.ok()) {
            throw new EngineException(response.status(), EngineException.messageOf(response.text()));
        }
        return json.readTree(response.body());
    }

    /**
     * Kills and removes a container. Podman refuses (500, "container state improper") while the
     * container is between running and stopped, so that answer is retried a few times.
     */
    void remove(String id) {
        try {
            for (int attempt = 1; ; attempt++) {
                UnixHttpClient.Response response =
                        http.call("DELETE", "/containers/" + id + "?force=true&v=true", new byte[0]);
                if (response.ok() || response.status() == 404) {
                    return;
                }
                if (attempt >= 10 || response.status() < 409) {
                    LOG.log(System.Logger.Level.WARNING, "could not remove container " + id + ": " + response.text());
                    return;
                }
                Thread.sleep(50L * attempt);
            }
        } catch (EngineException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove container " + id + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int reap(Predicate<Map<String, String>> orphan) {
        String filters = encode("{\"label\":[\"" + Labels.OWNER + "\"]}");
        UnixHttpClient.Response response =
                http.call("GET", "/containers/json?all=true&filters=" + filters, new byte[0]);
        if (!response.ok()) {
            throw new EngineException(response.status(), EngineException.messageOf(response.text()));
        }
        int removed = 0;
        for (JsonNode container : json.readTree(response.body())) {
            Map<String, String> labels = new java.util.HashMap<>();
            container.path("Labels").forEachEntry((key, value) -> labels.put(key, value.asString("")));
            if (labels.containsKey(Labels.OWNER) && orphan.test(labels)) {
                remove(container.path("Id").asString());
                removed++;
            }
        }
        return removed;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void closeQuietly(UnixHttpClient.Upgraded attach) {
        try {
            attach.channel().close();
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing an attach stream", e);
        }
    }

    /** Compares dotted versions numerically: 5.10 is after 5.4; non-digits end a part. */
    static int compare(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? leadingNumber(a[i]) : 0;
            int y = i < b.length ? leadingNumber(b[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int leadingNumber(String part) {
        int end = 0;
        while (end < part.length() && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(part.substring(0, Math.min(end, 9)));
    }
}
