package dev.pymastery.kernel;

import dev.pymastery.kernel.interpreter.KernelVersions;
import dev.pymastery.kernel.interpreter.PythonInterpreter;
import dev.pymastery.kernel.magic.BuiltinMagics;
import dev.pymastery.kernel.magic.CPythonMagics;
import dev.pymastery.kernel.magic.MagicRegistry;
import dev.pymastery.kernel.messaging.ConnectionInfo;
import dev.pymastery.kernel.messaging.JupyterKernel;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import dev.pymastery.kernel.runtime.container.KernelIdentity;
import dev.pymastery.kernel.runtime.graalpy.GraalPyRuntime;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kernel process, as a kernelspec starts it: {@code KernelMain CONNECTION_FILE}. The sockets
 * bind first, so kernel_info is answered while GraalPy starts in the background.
 */
public final class KernelMain {
    private KernelMain() {}

    private static long uptimeMillis() {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now())
                        .toMillis())
                .orElse(-1L);
    }

    /** Jupyter names connection files kernel-ID.json; the id labels this kernel's containers. */
    private static String kernelId(String connectionFile) {
        String name = Path.of(connectionFile).getFileName().toString();
        return name.startsWith("kernel-") && name.endsWith(".json")
                ? name.substring("kernel-".length(), name.length() - ".json".length())
                : java.util.UUID.randomUUID().toString();
    }

    public static void main(String[] args) {
        Logging.configure();
        System.Logger log = System.getLogger(KernelMain.class.getName());
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION_FILE (Jupyter passes it; see ./pymastery install)");
            System.exit(2);
        }
        ObjectMapper json = JsonMapper.builder().build();
        ConnectionInfo connection;
        try {
            connection = ConnectionInfo.read(Path.of(args[0]), json);
        } catch (RuntimeException e) {
            System.err.println("cannot start the kernel: " + e.getMessage());
            System.exit(2);
            return;
        }
        GraalPyRuntime python =
                GraalPyRuntime.create(KernelSettings.fromEnvironment().graalpy(), json);
        CPythonRuntimes cpython =
                CPythonRuntimes.create(System.getenv(), KernelIdentity.current(kernelId(args[0])), json);
        PythonInterpreter interpreter = new PythonInterpreter(
                python,
                CPythonMagics.register(BuiltinMagics.register(new MagicRegistry()), cpython, json),
                KernelVersions.load());
        JupyterKernel kernel = JupyterKernel.start(connection, interpreter, json);
        // Only now: GraalPy's start-up competes for the CPU with binding the sockets.
        python.start();
        cpython.startInBackground();
        log.log(
                Level.INFO,
                "kernel listening on " + connection.ip() + " after " + uptimeMillis() + " ms; optimizing runtime "
                        + (GraalPyRuntime.optimizingRuntimeExpected()
                                ? "enabled"
                                : "NOT enabled (fallback interpreter)"));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            cpython.close();
                            kernel.close();
                        },
                        "kernel-shutdown"));
        boolean restart = kernel.shutdownRequested().join();
        cpython.close();
        log.log(
                Level.INFO,
                restart ? "restart requested; exiting so Jupyter starts a new kernel" : "shutdown requested");
        kernel.close();
        Runtime.getRuntime().halt(0);
    }
}
