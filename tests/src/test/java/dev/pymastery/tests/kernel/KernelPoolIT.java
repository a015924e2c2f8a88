package dev.pymastery.tests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.Execution;
import dev.pymastery.testkit.InstalledKernel;
import dev.pymastery.testkit.JupyterDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The warm pool behind the kernelspec: a process that served a session comes back with a fresh
 * namespace, also when its launcher was killed as nbval stops kernels, a process that loaded a C
 * extension is not reused, a spare of a kernel since uninstalled exits, and kernelspecs of the same jars share their spares. Pool size 0 here, so the only spare is
 * the recycled one.
 */
class KernelPoolIT {
    // A pool folder of its own: kernelspecs of the same jars share spares unless a setting read at
    // start differs, and a spare of another test's kernelspec must not serve these sessions (CI saw
    // an older process from another class answer "the same warm process serves the next kernel").
    private final InstalledKernel kernel = InstalledKernel.install(
            "pymastery-it-pool", Map.of("PYMASTERY_POOL_SIZE", "0", "PYMASTERY_SPARE_IDLE_SECONDS", "304"));

    private JupyterDriver start(String name) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-work", "pool-" + name))
                .toAbsolutePath();
        return JupyterDriver.start(kernel, work, launcherLog(name));
    }

    /** What the kernel (its launcher) wrote to stderr. */
    private static Path launcherLog(String name) {
        return Path.of("target", "it-work", "pool-" + name, "kernel.log").toAbsolutePath();
    }

    private static long kernelPid(JupyterDriver driver) {
        return Long.parseLong(driver.execute("import os\nos.getpid()").result());
    }

    @Test
    void aCleanlyShutDownProcessServesTheNextKernelWithAFreshNamespace() throws Exception {
        long first;
        try (JupyterDriver one = start("first")) {
            first = kernelPid(one);
            one.execute("left_behind = 'secret'");
            one.execute("import signal\nsignal.signal(signal.SIGALRM, lambda *a: print('stale alarm'))\n"
                    + "signal.setitimer(signal.ITIMER_REAL, 3)");
            one.shutdown();
        }
        try (JupyterDriver two = start("second")) {
            assertThat(kernelPid(two))
                    .as("the same warm process serves the next kernel")
                    .isEqualTo(first);
            assertThat(two.execute("'left_behind' in globals()").result()).isEqualTo("False");
            assertThat(two.execute("import signal\nsignal.getsignal(signal.SIGALRM) is signal.SIG_DFL, "
                                    + "signal.getitimer(signal.ITIMER_REAL)[0]")
                            .result())
                    .as("no handler or timer of the last session")
                    .isEqualTo("(True, 0.0)");
            assertThat(two.execute("import os\nos.getcwd()").result()).contains("pool-second");
            two.shutdown();
        }
    }

    @Test
    void aRecycledProcessStillInterruptsABusyLoop() throws Exception {
        // Regression: in a renewed context on the shared engine, a compiled `while True: pass`
        // kept the GIL, so an interrupt that needed the GIL never arrived.
        String spin = "while True:\n    pass";
        long first;
        try (JupyterDriver one = start("spin-first")) {
            first = kernelPid(one);
            interruptedWithinASecond(one, spin);
            one.shutdown();
        }
        try (JupyterDriver two = start("spin-second")) {
            assertThat(kernelPid(two)).as("the recycled process").isEqualTo(first);
            two.execute("survivor = 1");
            interruptedWithinASecond(two, spin);
            interruptedWithinASecond(two, "for i in range(10**10):\n    pass");
            assertThat(two.execute("survivor + 1").result()).isEqualTo("2");
            two.shutdown();
        }
    }

    private static void interruptedWithinASecond(JupyterDriver driver, String code) throws InterruptedException {
        String id = driver.send("shell", "execute_request", driver.executeContent(code));
        Thread.sleep(2000);
        long start = System.nanoTime();
        driver.interrupt();
        Execution run = driver.collect(id, 30);
        assertThat((System.nanoTime() - start) / 1e9)
                .as("seconds from interrupt to reply")
                .isLessThan(1.0);
        assertThat(run.content().path("ename").asString()).isEqualTo("KeyboardInterrupt");
    }

    @Test
    void aProcessThatLoadedACExtensionIsNotReused() throws Exception {
        long first;
        try (JupyterDriver one = start("native")) {
            first = kernelPid(one);
            one.execute("import pyexpat");
            one.shutdown();
        }
        waitForExit(first, Duration.ofSeconds(20));
        assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void aKernelStoppedAsNbvalStopsItReturnsToThePool() throws Exception {
        // nbval (and jupyter_client's shutdown_kernel(now=True)) closes its channels, sends
        // interrupt_request and kills the launcher at once: here once while idle, once mid-cell.
        long first;
        Path log;
        try (JupyterDriver one = start("stopped-idle")) {
            first = kernelPid(one);
            one.execute("left_behind = 'secret'");
            String connection =
                    one.call(Map.of("cmd", "connection_file")).path("path").asString();
            assertThat(one.shutdownNow().path("alive").asBoolean()).isFalse();
            log = spareLog("stopped-idle", connection);
        }
        try (JupyterDriver two = start("stopped-busy")) {
            assertThat(kernelPid(two))
                    .as("the stopped process serves the next kernel")
                    .isEqualTo(first);
            assertThat(two.execute("'left_behind' in globals()").result()).isEqualTo("False");
            two.send("shell", "execute_request", two.executeContent("import time\ntime.sleep(60)"));
            Thread.sleep(1000);
            two.shutdownNow();
        }
        try (JupyterDriver three = start("after-stops")) {
            assertThat(kernelPid(three))
                    .as("a process stopped mid-cell is reused once the cell has stopped")
                    .isEqualTo(first);
            three.shutdown();
        }
        assertThat(Files.readString(log))
                .as("the spare's log (" + log + ")")
                .contains("session ended: STOPPED")
                .doesNotContain("SEVERE", "RejectedExecutionException", "not returning to the pool");
    }

    /**
     * The log of the spare that served a connection file: the launcher names the folder
     * ("pymastery: kernel pid N, log in DIR"), the spare the file ("serving FILE").
     */
    private static Path spareLog(String session, String connectionFile) throws Exception {
        String launcherLog = Files.readString(launcherLog(session));
        Matcher folder = Pattern.compile("kernel pid \\d+, log in (\\S+)").matcher(launcherLog);
        assertThat(folder.find())
                .as("the launcher's log names the pool folder:\n" + launcherLog)
                .isTrue();
        try (Stream<Path> logs = Files.list(Path.of(folder.group(1)))) {
            return logs.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .filter(p -> readQuietly(p).contains("serving " + connectionFile))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void kernelspecsOfTheSameJarsShareTheirSparesAndHoldThePoolSizeTogether() throws Exception {
        Map<String, String> env = Map.of("PYMASTERY_POOL_SIZE", "0", "PYMASTERY_SPARE_IDLE_SECONDS", "302");
        InstalledKernel a = InstalledKernel.install("pymastery-it-shared-a", env);
        InstalledKernel b = InstalledKernel.install("pymastery-it-shared-b", env);
        InstalledKernel bigger = InstalledKernel.install("pymastery-it-shared-big", env, "1g");
        Path work = Files.createDirectories(Path.of("target", "it-work", "pool-shared"))
                .toAbsolutePath();
        long shared;
        try (JupyterDriver one = JupyterDriver.start(a, work, work.resolve("a.log"))) {
            shared = kernelPid(one);
            one.shutdown();
        }
        try (JupyterDriver two = JupyterDriver.start(b, work, work.resolve("b.log"))) {
            assertThat(kernelPid(two))
                    .as("another kernelspec with the same jars and flags gets the process the first one returned")
                    .isEqualTo(shared);
            two.shutdown();
        }
        long big;
        try (JupyterDriver three = JupyterDriver.start(bigger, work, work.resolve("big.log"))) {
            big = kernelPid(three);
            assertThat(big).as("a 1 GB heap is another process").isNotEqualTo(shared);
            three.shutdown();
        }
        waitForExit(shared, Duration.ofSeconds(20));
        assertThat(ProcessHandle.of(shared).map(ProcessHandle::isAlive))
                .as("with a pool size of 0 the jars' kernelspecs keep one returned process together:"
                        + " the one claimed from last")
                .isNotEqualTo(Optional.of(true));
        assertThat(ProcessHandle.of(big).map(ProcessHandle::isAlive)).isEqualTo(Optional.of(true));
    }

    @Test
    void aPoolOfSizeOneKeepsOneSpareAndItIsTheReturnedWarmerProcess() throws Exception {
        InstalledKernel sized = InstalledKernel.install(
                "pymastery-it-pool-one", Map.of("PYMASTERY_POOL_SIZE", "1", "PYMASTERY_SPARE_IDLE_SECONDS", "303"));
        Path work = Files.createDirectories(Path.of("target", "it-work", "pool-one"))
                .toAbsolutePath();
        long used;
        long fresh;
        Path pool;
        try {
            try (JupyterDriver one = JupyterDriver.start(sized, work, work.resolve("kernel.log"))) {
                used = kernelPid(one);
                pool = poolFolder(work.resolve("kernel.log"));
                fresh = awaitReadySpareOtherThan(pool, used, Duration.ofSeconds(120));
                one.shutdown();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline
                    && !(readySpares(pool).equals(java.util.List.of(used))
                            && !ProcessHandle.of(fresh)
                                    .map(ProcessHandle::isAlive)
                                    .orElse(false))) {
                Thread.sleep(200);
            }
            assertThat(readySpares(pool))
                    .as("one ready spare for a pool of size 1: the process that served the session")
                    .containsExactly(used);
            assertThat(ProcessHandle.of(fresh).map(ProcessHandle::isAlive))
                    .as("the fresh replacement started after the claim gave way")
                    .isNotEqualTo(Optional.of(true));
        } finally {
            sized.uninstall();
        }
    }

    /** The pool folder the launcher named in its log ("log in FOLDER"). */
    private static Path poolFolder(Path launcherLog) {
        Matcher m = Pattern.compile("log in (\\S+)").matcher(readQuietly(launcherLog));
        assertThat(m.find())
                .as("the launcher names its pool folder in " + launcherLog)
                .isTrue();
        return Path.of(m.group(1));
    }

    /** The pids of the ready spares in a pool folder ({@code ready-<started>-<pid>.sock}). */
    private static java.util.List<Long> readySpares(Path pool) throws java.io.IOException {
        try (Stream<Path> files = Files.list(pool)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("ready-") && n.endsWith(".sock"))
                    .map(n -> Long.parseLong(n.substring(n.lastIndexOf('-') + 1, n.length() - ".sock".length())))
                    .toList();
        }
    }

    private static long awaitReadySpareOtherThan(Path pool, long pid, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> other =
                    readySpares(pool).stream().filter(p -> p != pid).findFirst();
            if (other.isPresent()) {
                return other.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no spare became ready in " + pool + " within " + timeout);
    }

    @Test
    void aSpareOfAnUninstalledKernelGoesAway() throws Exception {
        InstalledKernel removed =
                // An idle time of its own gives it a pool of its own: kernelspecs that start spares
                // alike share one, and the shared spare would stay for the others.
                InstalledKernel.install(
                        "pymastery-it-pool-removed",
                        Map.of("PYMASTERY_POOL_SIZE", "0", "PYMASTERY_SPARE_IDLE_SECONDS", "301"));
        Path work = Files.createDirectories(Path.of("target", "it-work", "pool-removed"))
                .toAbsolutePath();
        long spare;
        try (JupyterDriver one = JupyterDriver.start(removed, work, work.resolve("kernel.log"))) {
            spare = kernelPid(one);
            one.shutdown();
        }
        Thread.sleep(2000);
        assertThat(ProcessHandle.of(spare).map(ProcessHandle::isAlive))
                .as("the used process waits in the pool")
                .isEqualTo(Optional.of(true));
        assertThat(removed.uninstall()).isTrue();
        waitForExit(spare, Duration.ofSeconds(20));
        assertThat(ProcessHandle.of(spare).map(ProcessHandle::isAlive))
                .as("a spare whose kernelspec was removed exits instead of idling for half an hour")
                .isNotEqualTo(Optional.of(true));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void waitForExit(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(100);
        }
    }
}
