package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.container.engine.DockerEngine;
import dev.pymastery.kernel.runtime.container.engine.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.ObjectMapper;

/**
 * The kernel's CPython runtimes, one per configured name, and the chores around them: reaping
 * containers that killed kernels left behind, and stopping every session when the kernel ends.
 * The configuration is read in the background ({@link #startInBackground}), off the kernel's
 * start-up path; a broken one does not stop the kernel: each use of a runtime reports it.
 */
public final class CPythonRuntimes implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CPythonRuntimes.class.getName());

    /** The runtimes as configured, or why there are none. */
    private record Loaded(Map<String, CPythonRuntime> runtimes, Optional<String> problem) {}

    private final Map<String, String> env;
    private final ObjectMapper json;
    private final Engines engines;
    private final KernelIdentity identity;
    private final CompletableFuture<Loaded> loaded = new CompletableFuture<>();
    private final AtomicBoolean loading = new AtomicBoolean();

    private CPythonRuntimes(Map<String, String> env, KernelIdentity identity, ObjectMapper json) {
        this.env = Map.copyOf(env);
        this.json = json;
        this.engines = new Engines(env, json);
        this.identity = identity;
    }

    /** The runtimes the environment configures; nothing is read or started yet. */
    public static CPythonRuntimes create(Map<String, String> env, KernelIdentity identity, ObjectMapper json) {
        return new CPythonRuntimes(env, identity, json);
    }

    /**
     * Reads the configuration, then removes containers that killed kernels of this machine left
     * behind, on a background thread. Calls that need the runtimes wait for the reading.
     */
    public void startInBackground() {
        Thread thread = new Thread(
                () -> {
                    load();
                    reapOrphans();
                },
                "cpython-runtimes");
        thread.setDaemon(true);
        thread.start();
    }

    private Loaded load() {
        if (loading.compareAndSet(false, true)) {
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
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "could not read the runtimes configuration", e);
                problem = Optional.of(e.toString());
            }
            loaded.complete(new Loaded(runtimes, problem));
        }
        return loaded.join();
    }

    private Map<String, CPythonRuntime> runtimes() {
        Loaded current = load();
        current.problem().ifPresent(message -> {
            throw new RuntimeUnavailableException("The runtimes configuration has a mistake: " + message);
        });
        return current.runtimes();
    }

    public List<String> names() {
        return List.copyOf(load().runtimes().keySet());
    }

    /**
     * The runtime with this name.
     *
     * @throws RuntimeUnavailableException when the configuration is broken or names no such runtime
     */
    public CPythonRuntime runtime(String name) {
        Map<String, CPythonRuntime> runtimes = runtimes();
        CPythonRuntime runtime = runtimes.get(name);
        if (runtime == null) {
            throw new RuntimeUnavailableException("There is no runtime named '" + name + "'. The runtimes are: "
                    + String.join(", ", runtimes.keySet()) + " (%runtimes shows them).");
        }
        return runtime;
    }

    public List<RuntimeStatus> statuses() {
        return runtimes().values().stream().map(CPythonRuntime::status).toList();
    }

    /** Removes containers whose kernel process is gone; how many. */
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
        if (!loaded.isDone()) {
            return;
        }
        List<Thread> stopping = new ArrayList<>();
        for (CPythonRuntime runtime : loaded.join().runtimes().values()) {
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
