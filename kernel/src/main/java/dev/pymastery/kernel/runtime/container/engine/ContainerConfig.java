package dev.pymastery.kernel.runtime.container.engine;

import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a container is created with: the agent's command as entrypoint, stdio attachable without
 * a TTY, limits, network, user, labels, and GPU requests in the form the engine honours.
 */
final class ContainerConfig {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContainerConfig() {}

    /** The body of {@code POST /containers/create} for a launch; GPUs in the engine's form. */
    static ObjectNode of(LaunchRequest request, Optional<DockerEngine.Flavor> gpuFlavor) {
        ObjectNode body = NODES.objectNode();
        body.put("Image", request.image());
        ArrayNode entrypoint = body.putArray("Entrypoint");
        request.command().forEach(entrypoint::add);
        body.putArray("Cmd");
        ArrayNode env = body.putArray("Env");
        request.env().forEach((key, value) -> env.add(key + "=" + value));
        request.workdir().ifPresent(dir -> body.put("WorkingDir", dir));
        request.user().ifPresent(user -> body.put("User", user));
        ObjectNode labels = body.putObject("Labels");
        request.labels().forEach(labels::put);
        body.put("OpenStdin", true);
        body.put("StdinOnce", true);
        body.put("AttachStdin", true);
        body.put("AttachStdout", true);
        body.put("AttachStderr", true);
        body.put("Tty", false);
        body.put("NetworkDisabled", request.network().equals("none"));
        ObjectNode host = body.putObject("HostConfig");
        host.put("NetworkMode", request.network());
        if (request.memoryBytes() > 0) {
            host.put("Memory", request.memoryBytes());
            host.put("MemorySwap", request.memoryBytes());
        }
        if (request.cpus() > 0) {
            host.put("NanoCpus", Math.round(request.cpus() * 1e9));
        }
        if (request.pids() > 0) {
            host.put("PidsLimit", request.pids());
        }
        gpuFlavor.ifPresent(flavor -> host.set("DeviceRequests", gpuRequest(flavor)));
        return body;
    }

    /**
     * Every GPU, in the form the engine honours: Docker's {@code --gpus all}, or on Podman a CDI
     * device request for {@code nvidia.com/gpu=all} (Podman ignores the Docker form).
     */
    static ArrayNode gpuRequest(DockerEngine.Flavor flavor) {
        ArrayNode requests = NODES.arrayNode();
        ObjectNode request = requests.addObject();
        if (flavor.podman()) {
            request.put("Driver", "cdi");
            request.putArray("DeviceIDs").add("nvidia.com/gpu=all");
        } else {
            request.put("Driver", "");
            request.put("Count", -1);
        }
        request.putArray("Capabilities").addArray().add("gpu");
        return requests;
    }
}
