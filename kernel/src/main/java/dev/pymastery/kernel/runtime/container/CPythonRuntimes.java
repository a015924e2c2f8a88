package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.container.engine.DockerEngine;
import dev.pymastery.kernel.runtime.container.engine.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.ObjectMapper;

/**
 * The kernel's CPython runtimes, one per configured name, and the chores around them: reaping
 * containers that killed kernels left behind, and stopping every session when the kernel ends.
 * A broken configuration does not stop the kernel: each use of a runtime reports it.
 */
public final class CPythonRuntimes implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CPythonRuntimes.class.getName());

    private final Map<String, CPythonRuntime> runtimes;
    private final Optional<String> problem;
    private final Engines engines;
    private final KernelIdentity identity;

    private CPythonRuntimes(
            Map<String, CPythonRuntime> runtimes, Optional<String> problem, Engines engines, KernelIdentity identity) {
        this.runtimes = runtimes;
        this.problem = problem;
        this.engines = engines;
        this.identity = identity;
    }

    /** The runtimes the environment configures; nothing starts until a cell needs it. */
    public static CPythonRuntimes create(Map<String, String> env, KernelIdentity identity, ObjectMapper json) {
        Engines engines = new Engines(env, json);
        Map<String, CPythonRuntime> runtimes = new LinkedHashMap<>();
        Optional<String> problem = Optional.empty();
        try {
            RuntimeCatalog catalog = RuntimeCatalog.load(env);
            AgentSource agent = AgentSource.load();
            catalog.runtimes()
                    .forEach((name, spec) ->
                            runtimes.put(name, new CPythonRuntime(spec, engines, identity, agent, json)));
        } catch (RuntimeConfigException e) {
            LOG.log(System.Logger.Level.ERROR, "runtimes configuration: " + e.getMessage());
            problem = Optional.of(e.getMessage());
        }
        return new CPythonRuntimes(runtimes, problem, engines, identity);
    }

    public List<String> names() {
        return List.copyOf(runtimes.keySet());
    }

    /**
     * The runtime with this name.
     *
     * @throws RuntimeUnavailableException when the configuration is broken or names no such runtime
     */
    public CPythonRuntime runtime(String name) {
        problem.ifPresent(message -> {
            throw new RuntimeUnavailableException("The runtimes configuration has a mistake: " + message);
        });
        CPythonRuntime runtime = runtimes.get(name);
        if (runtime == null) {
            throw new RuntimeUnavailableException("There is no runtime named '" + name + "'. The runtimes are: "
                    + String.join(", ", runtimes.keySet()) + " (%runtimes shows them).");
        }
        return runtime;
    }

    public List<RuntimeStatus> statuses() {
        problem.ifPresent(message -> {
            throw new RuntimeUnavailableException("The runtimes configuration has a mistake: " + message);
        });
        return runtimes.values().stream().map(CPythonRuntime::status).toList();
    }

    /**
     * Removes, in the background, the containers of kernels of this machine that no longer run
     * (killed with -9, say). Does nothing when no container engine is configured or reachable.
     */
    public void reapOrphansInBackground() {
        Thread reaper = new Thread(this::reapOrphans, "reap-orphan-containers");
        reaper.setDaemon(true);
        reaper.start();
    }

    int reapOrphans() {
        try {
            Optional<DockerEngine> docker = engines.docker();
            if (docker.isEmpty() || !java.nio.file.Files.exists(docker.get().socketPath())) {
                return 0;
            }
            int removed = docker.get().reap(identity::isOrphan);
            if (removed > 0) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "removed " + removed + " container(s) left by kernels that were killed");
            }
            return removed;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not look for orphaned containers: " + e.getMessage());
            return 0;
        }
    }

    /**
     * Stops every session at once, then removes any container of this kernel a stop could not
     * (the engine was restarting, say); waits at most about two seconds.
     */
    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (CPythonRuntime runtime : runtimes.values()) {
            if (runtime.running()) {
                Thread thread = Thread.ofPlatform()
                        .daemon()
                        .name("stop-" + runtime.name())
                        .start(runtime::stop);
                stopping.add(thread);
            }
        }
        engines.dockerInUse()
                .ifPresent(docker -> stopping.add(Thread.ofPlatform()
                        .daemon()
                        .name("remove-kernel-containers")
                        .start(() -> removeOwnContainers(docker))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread thread : stopping) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void removeOwnContainers(DockerEngine docker) {
        try {
            docker.reap(labels -> identity.kernelId().equals(labels.get(Labels.KERNEL)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not look for this kernel's containers: " + e.getMessage());
        }
    }
}
