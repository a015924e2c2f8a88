package dev.pymastery.tests.containers;

import dev.pymastery.testkit.ContainerEngine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the engine holds, asked directly (curl over its socket), independent of the kernel. */
final class EngineContainers {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EngineContainers() {}

    /** Containers (running or stopped) a kernel process started: names and states. */
    static List<String> ofKernelProcess(long pid) {
        String filters = URLEncoder.encode("{\"label\":[\"pymastery.owner\"]}", StandardCharsets.UTF_8);
        String body = ContainerEngine.run(
                        "curl",
                        "-sf",
                        "--unix-socket",
                        ContainerEngine.socket().toString(),
                        "http://d/containers/json?all=true&filters=" + filters)
                .orElseThrow(() -> new IllegalStateException("the engine did not list its containers"));
        List<String> found = new ArrayList<>();
        for (JsonNode container : JSON.readTree(body)) {
            String[] owner = container
                    .path("Labels")
                    .path("pymastery.owner")
                    .asString("")
                    .split("/");
            if (owner.length == 3 && owner[1].equals(Long.toString(pid))) {
                found.add(container.path("Names").path(0).asString() + " "
                        + container.path("State").asString());
            }
        }
        return found;
    }

    /** Waits up to {@code seconds} for a kernel process's containers to be gone; what is left. */
    static List<String> awaitNone(long pid, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<String> left = ofKernelProcess(pid);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = ofKernelProcess(pid);
        }
        return left;
    }
}
