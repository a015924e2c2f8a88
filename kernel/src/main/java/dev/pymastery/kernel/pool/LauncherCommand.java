package dev.pymastery.kernel.pool;

import java.io.IOException;
import java.nio.file.Path;
import sun.misc.Signal;

/** Parses the launcher's arguments, starts the kernel, forwards signals, and waits. */
public final class LauncherCommand {
    private LauncherCommand() {}

    public static int run(String[] args) {
        if (args.length != 3 || !args[0].equals("--jvm-args")) {
            System.err.println("usage: LaunchMain --jvm-args FILE CONNECTION_FILE (written by ./pymastery install)");
            return 2;
        }
        Path jvmArgs = Path.of(args[1]);
        Path connection = Path.of(args[2]).toAbsolutePath();
        Path kernelJar;
        try {
            kernelJar = Path.of(LauncherCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path java = ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
        PoolDirectory pool = PoolDirectory.of(kernelJar, java, jvmArgs, System.getenv());
        pool.register(jvmArgs);
        int poolSize = PoolSettings.fromEnvironment().poolSize();
        Launcher launcher = new Launcher(pool, new SpareSpawner(java, jvmArgs, pool), poolSize, Launcher.TOP_UP_DELAY);
        Launcher.Session session;
        try {
            session = launcher.start(new Claim(connection, Path.of("").toAbsolutePath(), Launcher.environment()));
        } catch (IOException e) {
            System.err.println("pymastery: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        System.err.println("pymastery: kernel " + session.banner());
        // A client that interrupts with SIGINT (interrupt_mode "signal") still gets KeyboardInterrupt.
        Signal.handle(new Signal("INT"), signal -> Launcher.send(session, Launcher.INTERRUPT));
        Signal.handle(new Signal("TERM"), signal -> Launcher.send(session, Launcher.TERMINATE));
        return Launcher.awaitExit(session);
    }
}
