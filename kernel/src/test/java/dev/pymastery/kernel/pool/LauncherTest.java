package dev.pymastery.kernel.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher against a fake spare: a thread listening on a pool socket. */
class LauncherTest {
    @TempDir
    Path dir;

    private final AtomicReference<Claim> received = new AtomicReference<>();

    /** Listens as a ready spare would, answers the claim, then ends the kernel with {@code exitCode}. */
    private CompletableFuture<Void> fakeSpare(String name, int exitCode) throws Exception {
        Path socket = dir.resolve(name);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.runAsync(() -> {
            try (server;
                    SocketChannel channel = server.accept()) {
                DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
                received.set(Claim.read(in));
                out.writeByte(Launcher.OK);
                Claim.text(out, "pid 42");
                out.writeByte(Launcher.EXITED);
                out.writeInt(exitCode);
                out.flush();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static final class CountingStarter implements SpareStarter {
        final AtomicInteger started = new AtomicInteger();
        private final Runnable onStart;

        CountingStarter(Runnable onStart) {
            this.onStart = onStart;
        }

        @Override
        public Started start() {
            started.incrementAndGet();
            onStart.run();
            return () -> true;
        }

        @Override
        public Path logDir() {
            return Path.of("/nowhere");
        }
    }

    @Test
    void claimsAReadySpareHandsOverAndReturnsTheKernelsExitCode() throws Exception {
        CompletableFuture<Void> spare = fakeSpare("ready-1-42.sock", 3);
        CountingStarter starter = new CountingStarter(() -> {});
        Launcher launcher = new Launcher(PoolDirectory.at(dir), starter, 0, Duration.ZERO);
        Claim claim = new Claim(dir.resolve("kernel-1.json"), dir, Map.of("A", "1"));
        Launcher.Session session = launcher.start(claim);
        assertThat(session.banner()).isEqualTo("pid 42");
        assertThat(Launcher.awaitExit(session)).isEqualTo(3);
        spare.join();
        assertThat(received.get()).isEqualTo(claim);
        assertThat(starter.started).hasValue(0);
        assertThat(PoolDirectory.at(dir).available()).isEmpty();
    }

    @Test
    void aKernelThatVanishesWithoutAnExitMessageIsAFailure() throws Exception {
        Path socket = dir.resolve("warm-3-44.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture<Void> killed = CompletableFuture.runAsync(() -> {
            try (server;
                    SocketChannel channel = server.accept()) {
                Claim.read(new DataInputStream(Channels.newInputStream(channel)));
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
                out.writeByte(Launcher.OK);
                Claim.text(out, "pid 44");
                out.flush();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Launcher launcher = new Launcher(PoolDirectory.at(dir), new CountingStarter(() -> {}), 0, Duration.ZERO);
        Launcher.Session session = launcher.start(new Claim(dir.resolve("k.json"), dir, Map.of()));
        killed.get(10, TimeUnit.SECONDS);
        assertThat(Launcher.awaitExit(session)).isEqualTo(1);
    }

    @Test
    void skipsADeadSparesSocketAndStartsOneWhenNoneWaits() throws Exception {
        Files.createFile(dir.resolve("ready-0-1.sock")); // left behind by a spare that died
        CountingStarter starter = new CountingStarter(() -> {
            try {
                fakeSpare("warm-2-43.sock", 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Launcher launcher = new Launcher(PoolDirectory.at(dir), starter, 0, Duration.ZERO);
        Launcher.Session session = launcher.start(new Claim(dir.resolve("k.json"), dir, Map.of()));
        assertThat(Launcher.awaitExit(session)).isZero();
        assertThat(starter.started).hasValue(1);
        assertThat(dir.resolve("ready-0-1.sock")).doesNotExist();
    }

    @Test
    void topsThePoolUpAfterAClaim() throws Exception {
        fakeSpare("ready-1-44.sock", 0);
        CountingStarter starter = new CountingStarter(() -> {});
        Launcher launcher = new Launcher(PoolDirectory.at(dir), starter, 2, Duration.ZERO);
        Launcher.awaitExit(launcher.start(new Claim(dir.resolve("k.json"), dir, Map.of())));
        launcher.toppedUp().get(10, TimeUnit.SECONDS);
        assertThat(starter.started).hasValue(2);
    }

    @Test
    void aKernelThatComesBackSoonAfterAClaimIsNotReplaced() throws Exception {
        fakeSpare("ready-1-44.sock", 0);
        CountingStarter starter = new CountingStarter(() -> {});
        Launcher launcher = new Launcher(PoolDirectory.at(dir), starter, 1, Duration.ofMillis(300));
        Launcher.awaitExit(launcher.start(new Claim(dir.resolve("k.json"), dir, Map.of())));
        // The previous notebook's kernel process renews its context and waits again.
        Files.createFile(dir.resolve("renewing-2-45.sock"));
        launcher.toppedUp().get(10, TimeUnit.SECONDS);
        assertThat(starter.started).hasValue(0);
    }
}
