package dev.pymastery.kernel.runtime.container;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CPython runtime as configured: where its sessions run and with which limits. Read by
 * {@link RuntimeCatalog}; the keys of the configuration file are documented in
 * {@code default-runtimes.yaml}.
 *
 * @param python the interpreter command inside the image, e.g. {@code python3.14t}
 * @param localPython the interpreter command the process engine runs on this machine
 * @param memoryBytes memory limit, swap included; 0 for none
 * @param cpus CPU limit in cores; 0 for none
 * @param pids limit of processes and threads; 0 for none
 * @param user the user in the container; empty keeps the image's
 * @param freeThreaded whether the interpreter is meant to run without the GIL (warn when not)
 * @param gpu whether sessions need a GPU
 * @param build the command that builds the image, for the message when it is missing
 */
public record RuntimeSpec(
        String name,
        String description,
        EngineChoice engine,
        String image,
        String python,
        String localPython,
        long memoryBytes,
        double cpus,
        int pids,
        String network,
        Optional<String> user,
        Optional<String> workdir,
        boolean pull,
        boolean freeThreaded,
        boolean gpu,
        String build,
        Map<String, String> env,
        Duration startTimeout) {
    public RuntimeSpec {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "runtime name '" + name + "' must be lower-case letters, digits and '-', starting with a letter");
        }
        if (image.isBlank() && engine != EngineChoice.PROCESS) {
            throw new IllegalArgumentException("runtime '" + name + "' needs an image");
        }
        if (python.isBlank() || localPython.isBlank()) {
            throw new IllegalArgumentException("runtime '" + name + "' needs python and local_python commands");
        }
        env = Map.copyOf(env);
    }

    /** Which engine runs a runtime's sessions. */
    public enum EngineChoice {
        /** The Docker API socket when one exists, else a local process. */
        AUTO,
        DOCKER,
        PROCESS
    }

    /** The interpreter command for an engine: words split on spaces. */
    public List<String> pythonCommand(boolean local) {
        return List.of((local ? localPython : python).strip().split("\\s+"));
    }
}
