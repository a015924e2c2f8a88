package dev.pymastery.kernel.pool;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The process Jupyter starts for a kernel. It claims a warm kernel process from the pool (starting
 * one when none waits), hands it the connection file, then stays as the kernel's stand-in: it exits
 * when the kernel ends, and a kernel whose launcher dies shuts down. A light JVM (no GraalPy), so it
 * is up in a fraction of a second.
 */
public final class Launcher {
    static final byte OK = 'K';
    static final byte ERROR = 'E';
    static final byte INTERRUPT = 'I';
    static final byte TERMINATE = 'T';
    static final byte EXITED = 'X';
    private static final long CLAIM_TIMEOUT_MS = 120_000;
    /**
     * How long after a claim the pool is topped up. A kernel that just ended (a notebook runner or
     * nbclient starts the next kernel as soon as the last one replied to its shutdown) comes back to
     * the pool within this time; topping up at once would start a cold spare beside it, and the pool,
     * full, would then retire the warm process and hand out the cold one.
     */
    static final Duration TOP_UP_DELAY = Duration.ofSeconds(3);

    private final PoolDirectory pool;
    private final SpareStarter spawner;
    private final int poolSize;
    private final Duration topUpDelay;
    private volatile CompletableFuture<Void> toppedUp = CompletableFuture.completedFuture(null);

    Launcher(PoolDirectory pool, SpareStarter spawner, int poolSize, Duration topUpDelay) {
        this.pool = pool;
        this.spawner = spawner;
        this.poolSize = poolSize;
        this.topUpDelay = topUpDelay;
    }

    /** A connected, claimed spare. */
    record Session(SocketChannel channel, DataInputStream in, DataOutputStream out, String banner) {}

    /** Claims a spare (spawning one if needed), hands it the claim, and returns the live session. */
    Session start(Claim claim) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + CLAIM_TIMEOUT_MS;
        SpareStarter.Started spawned = null;
        while (System.currentTimeMillis() < deadline) {
            Optional<SocketChannel> channel = claimOne();
            if (channel.isPresent()) {
                pool.markClaimed();
                Session session = handshake(channel.get(), claim);
                toppedUp = CompletableFuture.runAsync(
                        this::topUp,
                        CompletableFuture.delayedExecutor(
                                topUpDelay.toMillis(), TimeUnit.MILLISECONDS, Launcher::daemon));
                return session;
            }
            if (spawned == null || !spawned.isAlive()) {
                if (spawned != null) {
                    System.err.println("pymastery: a kernel process exited while starting; see " + spawner.logDir());
                }
                spawned = spawner.start();
            }
            Thread.sleep(15);
        }
        throw new IOException("no kernel process became available within " + CLAIM_TIMEOUT_MS / 1000
                + " s; see the logs in " + spawner.logDir());
    }

    private Optional<SocketChannel> claimOne() {
        return claimOne(pool, spare -> true);
    }

    /**
     * Claims the first waiting spare that {@code which} accepts (ready ones first) and connects to
     * it; empty when none could be had. A spare that gets the connection and no claim stops.
     */
    static Optional<SocketChannel> claimOne(PoolDirectory pool, Predicate<Path> which) {
        for (Path spare : pool.available()) {
            if (!which.test(spare)) {
                continue;
            }
            Optional<Path> claimed = pool.claim(spare);
            if (claimed.isEmpty()) {
                continue;
            }
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.connect(UnixDomainSocketAddress.of(claimed.get()));
                return Optional.of(channel);
            } catch (IOException e) {
                // A spare that died left its socket behind: it is cleared below; try the next.
                closeQuietly(channel);
            } finally {
                deleteQuietly(claimed.get());
            }
        }
        return Optional.empty();
    }

    private Session handshake(SocketChannel channel, Claim claim) throws IOException {
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
        DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
        claim.write(out);
        byte status = in.readByte();
        String message = Claim.text(in);
        if (status != OK) {
            throw new IOException("the kernel could not start: " + message);
        }
        return new Session(channel, in, out, message);
    }

    /** Runs on a daemon thread: a launcher that exits before the top-up leaves it undone. */
    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "pool-top-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes when the top-up after the last claim has run. */
    CompletableFuture<Void> toppedUp() {
        return toppedUp;
    }

    /** Starts spares until the pool holds its size again, so the next kernel starts warm. */
    private void topUp() {
        int missing = poolSize - pool.available().size();
        for (int i = 0; i < missing; i++) {
            try {
                spawner.start();
            } catch (IOException e) {
                System.err.println("pymastery: could not start a spare kernel process: " + e.getMessage());
                return;
            }
        }
    }

    /** Waits for the kernel to end and returns its exit code. */
    static int awaitExit(Session session) {
        try {
            while (true) {
                if (session.in().readByte() == EXITED) {
                    return session.in().readInt();
                }
            }
        } catch (EOFException e) {
            // A kernel that ends normally says so first: this one was killed or crashed.
            System.err.println("pymastery: the kernel process ended without a word (killed, or crashed); see "
                    + "its log in the pool folder");
            return 1;
        } catch (IOException e) {
            return 1;
        }
    }

    static void send(Session session, byte command) {
        try {
            synchronized (session.out()) {
                session.out().writeByte(command);
                session.out().flush();
            }
        } catch (IOException e) {
            // the kernel is gone already
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing to clean
        }
    }

    /** The environment to hand over: Jupyter's, with this launcher's own JVM settings left out. */
    static Map<String, String> environment() {
        return System.getenv();
    }

    static List<String> argsAfter(String[] args, int from) {
        List<String> rest = new ArrayList<>();
        for (int i = from; i < args.length; i++) {
            rest.add(args[i]);
        }
        return rest;
    }
}
