package dev.pymastery.kernel;

import dev.pymastery.kernel.messaging.Ending;
import dev.pymastery.kernel.runtime.graalpy.GraalPyRuntime;
import dev.pymastery.wire.ConnectionInfo;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * A kernel started directly with a connection file: {@code KernelMain CONNECTION_FILE}. Kernelspecs
 * use {@link LaunchMain}, which hands the connection to a warm process instead; this entry is for
 * running without the pool (and for debugging).
 */
public final class KernelMain {
    private KernelMain() {}

    public static void main(String[] args) {
        Logging.configure();
        OutOfMemoryPolicy.install();
        System.Logger log = System.getLogger(KernelMain.class.getName());
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION_FILE (Jupyter passes it; see ./pymastery install)");
            System.exit(2);
        }
        KernelProcess process = KernelProcess.prepare(KernelSettings.fromEnvironment());
        ConnectionInfo connection;
        try {
            connection = ConnectionInfo.read(Path.of(args[0]), process.json());
        } catch (RuntimeException e) {
            System.err.println("cannot start the kernel: " + e.getMessage());
            System.exit(2);
            return;
        }
        KernelSession kernel = process.serve(
                connection, Path.of(args[0]), System.getenv(), Path.of("").toAbsolutePath());
        log.log(
                Level.INFO,
                "kernel listening on " + connection.ip() + " after " + Logging.uptimeMillis()
                        + " ms; optimizing runtime "
                        + (GraalPyRuntime.optimizingRuntimeExpected()
                                ? "enabled"
                                : "NOT enabled (fallback interpreter)"));
        Runtime.getRuntime().addShutdownHook(new Thread(kernel::close, "kernel-shutdown"));
        Ending ending = kernel.ended().join();
        log.log(Level.INFO, "kernel ending: " + ending);
        kernel.close();
        Runtime.getRuntime().halt(kernel.exitStatus());
    }
}
