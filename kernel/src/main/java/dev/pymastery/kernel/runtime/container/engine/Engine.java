package dev.pymastery.kernel.runtime.container.engine;

import java.util.Map;
import java.util.function.Predicate;

/** Starts agent processes: in containers, or as local processes. Thread-safe. */
public interface Engine {
    /** For people: {@code Podman 4.3.1}, {@code Docker 27.3.1}, {@code local process}. */
    String description();

    /**
     * Starts the process with its stdio attached. Reports pull progress when the image has to be
     * fetched first.
     *
     * @throws ImageUnavailableException when the image is missing and cannot be pulled
     * @throws EngineException when the engine refuses or cannot be reached
     */
    AgentProcess launch(LaunchRequest request, PullListener progress);

    /**
     * Removes what earlier kernels left behind: every container whose labels {@code orphan}
     * accepts. Returns how many were removed.
     */
    int reap(Predicate<Map<String, String>> orphan);

    /**
     * What to do so that this engine's sessions see the machine's NVIDIA GPU, for a GPU runtime
     * that found none (or whose container the engine refused).
     */
    String gpuHint();
}
