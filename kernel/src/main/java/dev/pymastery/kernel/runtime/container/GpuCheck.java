package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A GPU runtime must see a GPU: after its session starts the agent looks (torch, then the NVIDIA
 * device files), and the session is refused with what to fix when none is visible.
 */
final class GpuCheck {
    private GpuCheck() {}

    static void require(Session session, RuntimeSpec spec, Engines.Choice choice) {
        JsonNode report;
        try {
            report = session.request(JsonNodeFactory.instance.objectNode().put("op", "gpu"), Duration.ofSeconds(60))
                    .path("gpu");
        } catch (SessionEndedException e) {
            throw new RuntimeUnavailableException(
                    "The " + spec.name() + " session ended while looking for a GPU: " + e.getMessage());
        }
        if (report.path("visible").asBoolean(false)) {
            return;
        }
        session.close();
        throw new RuntimeUnavailableException("The " + spec.name() + " runtime needs a GPU, but none is visible in its"
                + " session (" + session.hello().describe() + " on "
                + choice.engine().description() + "): "
                + report.path("detail").asString("no GPU found") + ".\n" + hint(choice));
    }

    /** The message when the engine refuses the GPU request itself. */
    static String refused(RuntimeSpec spec, Engines.Choice choice, String message) {
        return "The " + spec.name() + " runtime needs a GPU, and "
                + choice.engine().description() + " refused to start a container with one: " + message + ".\n"
                + hint(choice);
    }

    static String hint(Engines.Choice choice) {
        String host =
                hostHasGpu() ? "" : "This machine shows no NVIDIA GPU (no /dev/nvidiactl): %%cuda cells need one. ";
        return host + choice.engine().gpuHint();
    }

    static boolean hostHasGpu() {
        return Files.exists(Path.of("/dev/nvidiactl")) || Files.isDirectory(Path.of("/proc/driver/nvidia"));
    }
}
