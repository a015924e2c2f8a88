package dev.pymastery.kernel.pool;

import dev.pymastery.kernel.KernelProcess;
import dev.pymastery.kernel.KernelSession;
import dev.pymastery.kernel.messaging.Ending;
import dev.pymastery.wire.ConnectionInfo;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A warm kernel process: waits in the pool for a launcher, serves that launcher's Jupyter
 * connection, and afterwards (after a clean shutdown, while the pool has room) renews its GraalPy
 * context and waits again. Exits after an idle timeout, or soon after its installation is removed
 * (an uninstalled kernel, a test's temporary prefix): no launcher can claim it then.
 */
public final class Spare {
    private static final System.Logger LOG = System.getLogger(Spare.class.getName());
    private static final int MAX_SESSIONS = 50;
    /** How often a waiting spare checks that its installation is still there. */
    static final Duration WATCH_EVERY = Duration.ofSeconds(5);
    /**
     * How long the cell a stopped session was running may take to stop before the process is
     * given up (the stop interrupts it: a soft interrupt, then the context's, bounded by 5 s).
     */
    static final Duration STOPPED_CELL_GRACE = Duration.ofSeconds(8);

    private final PoolDirectory pool;
    private final KernelProcess process;
    private final Duration idleTimeout;
    private final int poolSize;
    private final BooleanSupplier installed;

    /** @param installed whether the installation this process runs from still exists */
    public Spare(
            PoolDirectory pool, KernelProcess process, Duration idleTimeout, int poolSize, BooleanSupplier installed) {
        this.pool = pool;
        this.process = process;
        this.idleTimeout = idleTimeout;
        this.poolSize = poolSize;
        this.installed = installed;
    }

    /**
     * True while the jar (or classes folder) the given class was loaded from exists and some
     * kernelspec that starts spares in {@code pool} is still installed ({@link PoolDirectory#inUse}).
     */
    public static BooleanSupplier whileInstalled(Class<?> type, PoolDirectory pool) {
        Optional<Path> jar;
        try {
            jar = Optional.of(Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            jar = Optional.empty(); // no code source to watch (not loaded from a file)
        }
        Optional<Path> code = jar;
        return () -> code.map(Files::exists).orElse(true) && pool.inUse();
    }

    /** Serves sessions until idle for too long or not worth keeping; returns when the process should exit. */
    public void serve() throws IOException {
        process.python().start();
        CompletableFuture<SpareMemory> memory = CompletableFuture.supplyAsync(() -> {
            process.python().awaitReady();
            return SpareMemory.measureFresh();
        });
        CompletableFuture<Void> fresh = memory.thenRun(() -> {});
        String state = PoolDirectory.WARM;
        int wanted = poolSize;
        for (int session = 1; session <= MAX_SESSIONS; session++) {
            Optional<SocketChannel> launcher = awaitLauncher(state, fresh, wanted);
            if (launcher.isEmpty()) {
                return;
            }
            Served served;
            try (SocketChannel channel = launcher.get()) {
                served = serveOne(channel);
            }
            wanted = served.poolSize();
            String reason = served.unusable().isPresent()
                    ? served.unusable().get()
                    // A used process is warmer (JIT-compiled code) than the fresh spare its launcher
                    // started as a replacement: it returns while the pool is not over its size
                    // counting that spare, and the ready spare that is then one too many (the
                    // youngest process, PoolDirectory.socket) exits within 5 s. Beyond that, a spare
                    // still starting goes first: it is the coldest, and its start-up takes CPU from
                    // the kernels running now.
                    : pool.available().size() > served.poolSize() && !retireOneStarting()
                            ? "the pool is full"
                            : process.python().loadedNativeModules()
                                    ? "the session loaded a C extension (GraalPy allows one context per process to)"
                                    : memory.join().tooBigToReturn().orElse("");
            if (!reason.isEmpty()) {
                LOG.log(Level.INFO, "not returning to the pool: " + reason);
                return;
            }
            // Back in the pool at once: a launcher that claims it now waits only for the renewal,
            // which runs on the GraalPy thread before anything the next session asks of GraalPy.
            long start = System.nanoTime();
            fresh = CompletableFuture.runAsync(() -> {
                process.renew();
                long renewed = System.nanoTime();
                // The last session's objects are garbage now: collect them, so the heap shrinks and
                // a spare waiting in the pool is about as small as a fresh one.
                long resident = ProcessMemory.giveBack();
                LOG.log(
                        Level.INFO,
                        "fresh context in " + (renewed - start) / 1_000_000 + " ms; collected in "
                                + (System.nanoTime() - renewed) / 1_000_000 + " ms, " + resident + " MB resident");
            });
            state = PoolDirectory.RENEWING;
        }
    }

    /**
     * Waits for a launcher's claim; empty when this process should exit instead: idle too long, its
     * installation removed, one spare too many once ready (beyond the pool's size {@code wanted}, or
     * beyond the one returned process a pool of size 0 keeps), or displaced by the spares of a kernelspec of the same
     * jars claimed from more recently (the group holds {@code wanted} together).
     */
    private Optional<SocketChannel> awaitLauncher(String state, CompletableFuture<Void> fresh, int wanted)
            throws IOException {
        Path socket = pool.socket(state);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            // Bind under a name launchers ignore, then rename: the file appears at bind() but
            // connections are refused until listen(), and a launcher must never see that moment.
            Path binding = socket.resolveSibling("." + socket.getFileName());
            server.bind(UnixDomainSocketAddress.of(binding));
            Files.move(binding, socket, StandardCopyOption.ATOMIC_MOVE);
            fresh.thenRun(() -> PoolDirectory.markReady(socket));
            CompletableFuture<SocketChannel> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (IOException e) {
                    return null;
                }
            });
            long deadline = System.nanoTime() + idleTimeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.log(Level.INFO, "idle for " + idleTimeout.toSeconds() + " s; exiting");
                    return Optional.empty();
                }
                try {
                    return Optional.ofNullable(
                            accepted.get(Math.min(left, WATCH_EVERY.toNanos()), TimeUnit.NANOSECONDS));
                } catch (java.util.concurrent.TimeoutException e) {
                    if (!installed.getAsBoolean()) {
                        LOG.log(Level.INFO, "the kernel's installation was removed; exiting");
                        return Optional.empty();
                    }
                    // A pool of size 0 starts no spare ahead of time but keeps the process that came back.
                    int kept = Math.max(wanted, 1);
                    if (pool.beyond(socket, kept)) {
                        LOG.log(Level.INFO, "the pool holds more than " + kept + " waiting processes; exiting");
                        return Optional.empty();
                    }
                    if (pool.displaced(socket, wanted)) {
                        LOG.log(
                                Level.INFO,
                                "kernelspecs of the same jars claimed more recently hold the " + wanted
                                        + " spare(s) the pool keeps; exiting");
                        return Optional.empty();
                    }
                } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
                    return Optional.empty();
                }
            }
        } finally {
            Launcher.deleteQuietly(socket);
            Launcher.deleteQuietly(PoolDirectory.readyName(socket));
        }
    }

    /**
     * How a session ended: {@code unusable} says why the process may not serve another (empty when
     * nothing of the session still runs), and the pool
     * size its launcher asked for ({@code PYMASTERY_POOL_SIZE} of the claim: a notebook runner
     * asks for as many as it runs at once), else this process's own.
     */
    private record Served(Optional<String> unusable, int poolSize) {}

    /** Stops one spare that is still starting (claims its socket and hangs up); false if none. */
    private boolean retireOneStarting() {
        Optional<SocketChannel> starting =
                Launcher.claimOne(pool, spare -> spare.getFileName().toString().startsWith(PoolDirectory.WARM));
        if (starting.isEmpty()) {
            return false;
        }
        try (SocketChannel channel = starting.get()) {
            LOG.log(Level.INFO, "retired a spare still starting in favour of this one");
        } catch (IOException e) {
            // closing is all that was left to do
        }
        return true;
    }

    private Served serveOne(SocketChannel channel) throws IOException {
        DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
        Claim claim;
        try {
            claim = Claim.read(in);
        } catch (EOFException e) {
            LOG.log(Level.INFO, "asked to stop");
            return new Served(Optional.of("asked to stop"), poolSize);
        }
        int wanted = PoolSettings.poolSize(claim.env(), poolSize);
        KernelSession kernel;
        try {
            ConnectionInfo connection = ConnectionInfo.read(claim.connectionFile(), process.json());
            kernel = process.serve(connection, claim.connectionFile(), claim.env(), claim.cwd());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not serve " + claim.connectionFile(), e);
            out.writeByte(Launcher.ERROR);
            Claim.text(out, e.getMessage() == null ? e.toString() : e.getMessage());
            out.flush();
            return new Served(Optional.of("the session could not start"), wanted);
        }
        out.writeByte(Launcher.OK);
        Claim.text(out, "pid " + ProcessHandle.current().pid() + ", log in " + pool.dir());
        out.flush();
        LOG.log(Level.INFO, "serving " + claim.connectionFile());
        Thread watcher = new Thread(() -> watchLauncher(in, kernel), "launcher-watch");
        watcher.setDaemon(true);
        watcher.start();
        Ending ending = kernel.ended().join();
        LOG.log(Level.INFO, "session ended: " + ending);
        kernel.close();
        try {
            out.writeByte(Launcher.EXITED);
            out.writeInt(kernel.exitStatus());
            out.flush();
        } catch (IOException e) {
            // the launcher is gone
        }
        // A session stopped from outside is as reusable as one shut down once its cell has stopped:
        // Jupyter stops kernels that way on purpose (nbval and jupyter_client's
        // shutdown_kernel(now=True) interrupt, then kill the launcher), and the renewal that follows
        // replaces all of the session's Python state either way.
        if (ending == Ending.EXITED) {
            // os._exit: the guest ended its context as a Python process ends itself.
            return new Served(Optional.of("the cell ended the process (os._exit)"), wanted);
        }
        boolean clean = ending.requested() || process.python().idleWithin(STOPPED_CELL_GRACE);
        return new Served(
                clean ? Optional.empty() : Optional.of("the session's code was still running after it was stopped"),
                wanted);
    }

    private static void watchLauncher(DataInputStream in, KernelSession kernel) {
        try {
            while (true) {
                byte command = in.readByte();
                if (command == Launcher.INTERRUPT) {
                    kernel.interrupt();
                } else if (command == Launcher.TERMINATE) {
                    kernel.stop();
                    return;
                }
            }
        } catch (IOException e) {
            // The launcher died (killed by Jupyter): the kernel must not outlive it.
            kernel.stop();
        }
    }
}
