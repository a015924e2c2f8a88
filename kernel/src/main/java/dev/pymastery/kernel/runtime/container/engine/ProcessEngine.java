package dev.pymastery.kernel.runtime.container.engine;

import java.io.IOException;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs the agent in a local interpreter (e.g. {@code python3.13t}) for machines without a
 * container engine. No image, no isolation: limits, network and user settings do not apply.
 */
public final class ProcessEngine implements Engine {
    @Override
    public String gpuHint() {
        return "The local interpreter needs the NVIDIA driver and a CUDA build of torch (nvidia-smi must list the GPU).";
    }

    @Override
    public String description() {
        return "local process";
    }

    @Override
    public AgentProcess launch(LaunchRequest request, PullListener progress) {
        ProcessBuilder builder = new ProcessBuilder(request.command());
        builder.environment().putAll(request.env());
        request.labels().forEach((key, value) -> builder.environment()
                .put(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
        try {
            return new LocalProcess(builder.start());
        } catch (IOException e) {
            throw new EngineException(
                    "cannot start the local interpreter " + request.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Local processes die with the kernel's process group; nothing to reap. */
    @Override
    public int reap(Predicate<Map<String, String>> orphan) {
        return 0;
    }
}
