package dev.pymastery.kernel.runtime.container.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One agent process to start. A process engine uses {@code command}, {@code env} and
 * {@code labels} only; a container engine all of it.
 *
 * @param runtime the runtime's name, part of the container's name
 * @param command the interpreter and its arguments, e.g. {@code python3 -u -c BOOTSTRAP}
 * @param user the user the process runs as ({@code uid:gid} or a name); empty keeps the image's
 * @param memoryBytes the memory limit (swap included); 0 for none
 * @param cpus the CPU limit in cores; 0 for none
 * @param pids the process/thread limit; 0 for none
 * @param network the network mode ({@code none}, {@code bridge}, ...)
 * @param gpu whether to ask the engine for every GPU
 * @param pull whether a missing image may be pulled
 */
public record LaunchRequest(
        String runtime,
        String image,
        List<String> command,
        Map<String, String> env,
        Optional<String> workdir,
        Optional<String> user,
        long memoryBytes,
        double cpus,
        int pids,
        String network,
        boolean gpu,
        boolean pull,
        Map<String, String> labels) {
    public LaunchRequest {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a launch needs a command");
        }
        command = List.copyOf(command);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
    }
}
