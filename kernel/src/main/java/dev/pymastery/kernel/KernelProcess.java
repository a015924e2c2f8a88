package dev.pymastery.kernel;

import dev.pymastery.kernel.check.LabChecks;
import dev.pymastery.kernel.interpreter.KernelVersions;
import dev.pymastery.kernel.interpreter.PythonInterpreter;
import dev.pymastery.kernel.magic.BuiltinMagics;
import dev.pymastery.kernel.magic.CPythonMagics;
import dev.pymastery.kernel.magic.MagicRegistry;
import dev.pymastery.kernel.magic.RegistryLineMagics;
import dev.pymastery.kernel.magic.RunningCell;
import dev.pymastery.kernel.messaging.JupyterKernel;
import dev.pymastery.kernel.pool.ProcessMemory;
import dev.pymastery.kernel.runtime.PythonShell;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import dev.pymastery.kernel.runtime.container.KernelIdentity;
import dev.pymastery.kernel.runtime.graalpy.GraalPyRuntime;
import dev.pymastery.wire.ConnectionInfo;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The composition root of a kernel process, in two steps: {@link #prepare} starts GraalPy (slow,
 * done ahead of time by a spare), {@link #serve} wires the interpreter and the protocol for one
 * Jupyter connection (fast). After a clean shutdown {@link #renew} gives a fresh namespace so the
 * same warm process can serve the next connection.
 */
public final class KernelProcess {
    private final ObjectMapper json = JsonMapper.builder().build();
    private static final System.Logger LOG = System.getLogger(KernelProcess.class.getName());
    private final GraalPyRuntime python;
    private final java.time.Duration quietCollect;
    private final KernelVersions versions = KernelVersions.load();

    private KernelProcess(GraalPyRuntime python, java.time.Duration quietCollect) {
        this.python = python;
        this.quietCollect = quietCollect;
    }

    /** Creates the GraalPy runtime; it starts when {@link GraalPyRuntime#start()} is called. */
    public static KernelProcess prepare(KernelSettings settings) {
        return new KernelProcess(
                GraalPyRuntime.create(settings.graalpy(), JsonMapper.builder().build()), settings.quietCollect());
    }

    public ObjectMapper json() {
        return json;
    }

    public GraalPyRuntime python() {
        return python;
    }

    /**
     * Serves one Jupyter connection. {@code env} and {@code cwd} are the ones Jupyter gave the
     * kernel (they replace the guest's environment and working directory).
     */
    public KernelSession serve(ConnectionInfo connection, Path connectionFile, Map<String, String> env, Path cwd) {
        String kernelId = kernelId(connectionFile);
        CPythonRuntimes cpython = CPythonRuntimes.create(env, KernelIdentity.current(kernelId), json);
        LabChecks checks = LabChecks.create(env, cwd, cpython, kernelId);
        MagicRegistry magics =
                checks.register(CPythonMagics.register(BuiltinMagics.register(new MagicRegistry()), cpython, json));
        RunningCell running = new RunningCell();
        PythonShell shell = python.session(new RegistryLineMagics(magics, running));
        PythonInterpreter interpreter = new PythonInterpreter(shell, magics, running, versions);
        JupyterKernel kernel = JupyterKernel.start(connection, interpreter, json);
        // A learner who went away leaves a heap the session grew: a full collection shrinks it
        // (the serial collector gives back what MaxHeapFreeRatio allows, JvmOptions).
        kernel.onQuiet(quietCollect, () -> {
            long before = ProcessMemory.residentMegabytes();
            long after = ProcessMemory.giveBack();
            LOG.log(
                    System.Logger.Level.INFO,
                    "quiet for " + quietCollect.toSeconds() + " s: collected, resident " + before + " MB -> " + after
                            + " MB");
        });
        // Only now: starting GraalPy and reading the runtimes compete with binding the sockets.
        python.start();
        cpython.startInBackground();
        python.environment(env, cwd);
        return new KernelSession(kernel, cpython, checks);
    }

    /** Jupyter names connection files kernel-ID.json; the id labels this session's containers. */
    static String kernelId(Path connectionFile) {
        String name = connectionFile.getFileName().toString();
        return name.startsWith("kernel-") && name.endsWith(".json")
                ? name.substring("kernel-".length(), name.length() - ".json".length())
                : java.util.UUID.randomUUID().toString();
    }

    /** A fresh GraalPy context on the same warm engine: nothing of the last session remains. */
    public void renew() {
        python.renew();
    }

    public void close() {
        python.close();
    }
}
