package dev.pymastery.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.ProgressServerProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pymastery server} under a supervisor: the launcher script becomes the server process, so
 * a SIGTERM sent to the launcher's pid (as systemd or jupyter-server-proxy send it) stops the
 * server and frees its port within seconds. Runs the real launcher from a copy of the checkout that
 * holds it and the built server (so the launcher has nothing to build).
 */
class LauncherSignalIT {
    @TempDir
    Path dir;

    @Test
    void sigtermToTheLauncherStopsTheServerAndFreesThePort() throws Exception {
        Path root = Files.createDirectories(dir.resolve("checkout"));
        Path launcher = Files.copy(Databases.repositoryRoot().resolve("pymastery"), root.resolve("pymastery"));
        launcher.toFile().setExecutable(true);
        Files.createDirectories(root.resolve("server-ext"));
        Files.createSymbolicLink(
                root.resolve("server-ext/target"), Databases.repositoryRoot().resolve("server-ext/target"));
        Files.createDirectories(root.resolve("kernel/target"));
        Files.writeString(root.resolve("kernel/target/pymastery-kernel.jar"), "");
        Path stamp = Files.createDirectories(root.resolve(".work")).resolve("build.stamp");
        Files.writeString(stamp, "");
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(60)));

        int port = ProgressServerProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        launcher.toString(),
                        "server",
                        "run",
                        "--port",
                        String.valueOf(port),
                        "--db",
                        "jdbc:sqlite:" + dir.resolve("p.db"),
                        "--catalog",
                        Fixtures.catalogFolder().toString(),
                        "--no-access-log")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!listening(port)) {
                assertThat(process.isAlive())
                        .as("the launcher exited: " + Files.readString(dir.resolve("launcher.log")))
                        .isTrue();
                assertThat(System.nanoTime()).as("the server did not start").isLessThan(deadline);
                Thread.sleep(100);
            }
            process.descendants().forEach(started::add);
            assertThat(process.toHandle().info().command())
                    .as("the launcher's pid is the Java server now")
                    .hasValueSatisfying(command -> assertThat(command).endsWith("java"));
            assertThat(process.descendants()).as("no child holds the port").isEmpty();

            Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long sent = System.nanoTime();
            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as("stopped within 10 s")
                    .isTrue();
            while (listening(port) && System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(50);
            }
            assertThat(listening(port)).as("the port is free").isFalse();
            System.out.println("SIGTERM to the launcher: server gone and port free after "
                    + (System.nanoTime() - sent) / 1_000_000 + " ms");
            assertThat(process.exitValue()).isIn(0, 143);
        } finally {
            // With a launcher that does not exec, its Java child outlives it: end that too.
            started.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
