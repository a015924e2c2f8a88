package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.container.engine.DockerEngine;
import dev.pymastery.kernel.runtime.container.engine.Engine;
import dev.pymastery.kernel.runtime.container.engine.ProcessEngine;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/** Finds the engine a runtime's sessions run on: one Docker API client per kernel, or local processes. */
final class Engines {
    private final Map<String, String> env;
    private final ObjectMapper json;
    private final ProcessEngine process = new ProcessEngine();
    private DockerEngine docker;

    /** An engine, and whether it runs local processes (then {@code local_python} is the command). */
    record Choice(Engine engine, boolean local) {}

    Engines(Map<String, String> env, ObjectMapper json) {
        this.env = Map.copyOf(env);
        this.json = json;
    }

    Choice choose(RuntimeSpec spec) {
        return switch (spec.engine()) {
            case PROCESS -> new Choice(process, true);
            case DOCKER ->
                new Choice(docker().orElseThrow(() -> new RuntimeUnavailableException(noEngine(spec))), false);
            case AUTO ->
                docker().<Choice>map(engine -> new Choice(engine, false)).orElseGet(() -> new Choice(process, true));
        };
    }

    /** The Docker API client if a runtime has asked for it already. */
    synchronized Optional<DockerEngine> dockerInUse() {
        return Optional.ofNullable(docker);
    }

    /** The Docker API client, when DOCKER_HOST or a usual socket points to one. */
    synchronized Optional<DockerEngine> docker() {
        if (docker == null) {
            Optional<Path> socket;
            try {
                socket = DockerEngine.socket(env);
            } catch (IllegalArgumentException e) {
                throw new RuntimeUnavailableException(e.getMessage());
            }
            socket.ifPresent(path -> docker = DockerEngine.at(path, json));
        }
        return Optional.ofNullable(docker);
    }

    private static String noEngine(RuntimeSpec spec) {
        String variable = RuntimeCatalog.ENV_PREFIX
                + spec.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_ENGINE";
        return "The " + spec.name() + " runtime runs in a container, but no container engine was found: "
                + DockerEngine.notFound() + ", or run " + spec.name() + " in a local interpreter ("
                + spec.localPython() + "): " + variable + "=process";
    }
}
