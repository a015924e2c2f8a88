package dev.pymastery.runner.client;

import dev.pymastery.wire.ConnectionInfo;
import dev.pymastery.wire.Signer;
import dev.pymastery.wire.WireCodec;
import dev.pymastery.wire.WireSockets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.ObjectMapper;

/**
 * Starts kernels as Jupyter does: a connection file with fresh ports and key in the run's runtime
 * folder, the kernelspec's argv with it filled in, the notebook's folder as working directory. A
 * kernel that died because another process took one of its ports is started again with new ports
 * (twice at most). Thread-safe: each start uses its own files and sockets. Closing it closes the
 * sockets of the kernels it started.
 */
public final class KernelLauncher implements AutoCloseable {
    private static final int ATTEMPTS = 3;

    private final WireSockets zmq = new WireSockets();
    private final ObjectMapper json;
    private final PortAllocator ports;
    private final Path runtimeDir;
    private final Map<String, String> envDefaults;
    private final Set<KernelSession> running = ConcurrentHashMap.newKeySet();

    /**
     * @param runtimeDir where connection files and kernel logs go; one folder per run
     * @param envDefaults environment entries every kernel gets unless this process's environment or
     *     the kernelspec sets them
     */
    public KernelLauncher(ObjectMapper json, PortAllocator ports, Path runtimeDir, Map<String, String> envDefaults) {
        this.json = json;
        this.ports = ports;
        this.runtimeDir = runtimeDir;
        this.envDefaults = Map.copyOf(envDefaults);
    }

    private Map<String, String> environment(KernelSpec spec) {
        Map<String, String> env = new HashMap<>();
        envDefaults.forEach((key, value) -> {
            if (System.getenv(key) == null) {
                env.put(key, value);
            }
        });
        env.putAll(spec.env());
        return env;
    }

    /**
     * A ready kernel: it answered kernel_info, IOPub reaches the client and an empty cell ran.
     *
     * @throws KernelStartException when it was not ready within {@code timeouts.kernelStart()}
     */
    public KernelSession start(KernelSpec spec, Path workingDirectory, Timeouts timeouts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(spec, workingDirectory, timeouts);
            } catch (KernelStartException e) {
                if (!e.portConflict() || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private KernelSession attempt(KernelSpec spec, Path workingDirectory, Timeouts timeouts) {
        String name = "kernel-" + UUID.randomUUID();
        Path connectionFile = runtimeDir.resolve(name + ".json");
        ConnectionInfo info = ConnectionFile.fresh("127.0.0.1", ports);
        ConnectionFile.write(connectionFile, info, spec.name(), json);
        KernelProcess process = KernelProcess.start(
                spec.command(connectionFile), environment(spec), workingDirectory, runtimeDir.resolve(name + ".log"));
        KernelChannels channels =
                new KernelChannels(zmq, info, new WireCodec(json, Signer.of(info.signatureScheme(), info.key())));
        Heartbeat heartbeat = new Heartbeat(zmq, info.endpoint(info.hbPort()), timeouts.heartbeat(), spec.name());
        KernelSession session =
                new KernelSession(spec, process, channels, heartbeat, json, connectionFile, running::remove);
        running.add(session);
        try {
            session.awaitReady(timeouts);
            return session;
        } catch (RuntimeException e) {
            session.abort();
            throw e;
        }
    }

    /**
     * Kills every kernel this launcher started that is still running, without ceremony: for a
     * runner that is being stopped (Ctrl-C), so no kernel outlives it.
     */
    public void killAll() {
        running.forEach(KernelSession::kill);
    }

    @Override
    public void close() {
        zmq.close();
    }
}
