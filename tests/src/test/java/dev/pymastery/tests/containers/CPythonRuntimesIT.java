package dev.pymastery.tests.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.ContainerEngine;
import dev.pymastery.testkit.Execution;
import dev.pymastery.testkit.JupyterDriver;
import dev.pymastery.testkit.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * %%cpython and friends in the installed kernel, driven by jupyter_client, against a real
 * container engine (Podman's Docker API here, Docker elsewhere). One kernel for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CPythonRuntimesIT {
    @TempDir
    static Path dir;

    private JupyterDriver kernel;
    private Path log;

    @BeforeAll
    void startKernel() throws Exception {
        TestRuntimes.require();
        log = dir.resolve("kernel.log");
        Files.createDirectories(dir.resolve("config"));
        kernel = JupyterDriver.start(TestRuntimes.kernel(), dir, log, TestRuntimes.env(dir.resolve("config")));
    }

    @AfterAll
    void stopKernel() throws Exception {
        if (kernel != null) {
            kernel.close();
        }
    }

    private Execution cell(String code) {
        return kernel.execute(code);
    }

    private String kernelLog() throws Exception {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    @Order(1)
    void namesPersistAcrossCellsAndStayApartFromGraalPy() {
        Execution first = cell("%%cpython\nimport sys\nx = 41\nprint(sys.implementation.name, sys.version_info[:2])");
        assertThat(first.ok()).as(first.toString()).isTrue();
        assertThat(first.stdout()).isEqualTo("cpython (3, 13)\n");
        assertThat(cell("%%cpython\nx + 1").result()).isEqualTo("42");
        assertThat(cell("%cpython x * 2")
                        .contents("display_data")
                        .get(0)
                        .path("data")
                        .path("text/plain")
                        .asString())
                .isEqualTo("82");
        Execution graalpy = cell("'x' in dir(), __import__('sys').implementation.name");
        assertThat(graalpy.result()).isEqualTo("(False, 'graalpy')");
    }

    @Test
    @Order(2)
    void valuesTravelInAndOutAndThoseThatCannotAreNamedWithTheirType() {
        cell("data = {'a': [1, 2, 3], 'b': 'text'}");
        Execution copied = cell("%%cpython --in data --out total, size\ntotal = sum(data['a'])\nsize = len(data)");
        assertThat(copied.ok()).as(copied.toString()).isTrue();
        assertThat(cell("total, size").result()).isEqualTo("(6, 2)");

        cell("square = lambda v: v * v");
        Execution function = cell("%%cpython --in square\nsquare(3)");
        assertThat(function.ename()).isEqualTo("TransferError");
        assertThat(function.evalue()).contains("'square'", "function");

        Execution generator = cell("%%cpython --out gen\ngen = (i for i in range(3))");
        assertThat(generator.ename()).isEqualTo("TransferError");
        assertThat(generator.evalue()).contains("'gen' (type generator)", "pickle");
    }

    @Test
    @Order(3)
    void outputStreamsWhileTheCellRunsIncludingCAndChildProcesses() {
        Execution run = cell("""
                %%cpython
                import ctypes, os, subprocess, sys, time
                print("first", flush=True)
                ctypes.CDLL(None).printf(b"from C\\n")
                os.system("echo from a shell")
                subprocess.run([sys.executable, "-c", "import sys; print('child err', file=sys.stderr)"])
                time.sleep(1.5)
                print("last")
                """);
        assertThat(run.ok()).as(run.toString()).isTrue();
        assertThat(run.stdout()).isEqualTo("first\nfrom C\nfrom a shell\nlast\n");
        assertThat(run.stderr()).isEqualTo("child err\n");
        assertThat(run.firstArrival("stream"))
                .as("first output before the cell ends")
                .isLessThan(run.seconds() - 1.0);
    }

    @Test
    @Order(4)
    void theKernelsIPythonPackageServesCPythonCellsToo() {
        Execution shown = cell("%%cpython\nimport IPython, sys\nfrom IPython.display import Markdown, HTML, display\n"
                + "display(Markdown('*md*'))\n"
                + "print(type(get_ipython()).__name__, get_ipython() is IPython.get_ipython(), sys.implementation.name)\n"
                + "HTML('<b>h</b>')");
        assertThat(shown.ok()).as(shown.toString()).isTrue();
        assertThat(shown.stdout()).isEqualTo("ZMQInteractiveShell True cpython\n");
        assertThat(shown.contents("display_data")
                        .get(0)
                        .path("data")
                        .path("text/markdown")
                        .asString())
                .isEqualTo("*md*");
        assertThat(shown.contents("execute_result")
                        .get(0)
                        .path("data")
                        .path("text/html")
                        .asString())
                .isEqualTo("<b>h</b>");
        Execution magic = cell("%%cpython\nfrom IPython.core.magic import register_line_magic\n"
                + "@register_line_magic\ndef twice(line):\n    return line * 2\n"
                + "get_ipython().run_line_magic('twice', 'ab')");
        assertThat(magic.result()).isEqualTo("'abab'");
        Execution captured = cell("%%cpython\nfrom IPython.utils.capture import capture_output\n"
                + "with capture_output() as block:\n    print('inside')\n    display(HTML('<i>x</i>'))\n"
                + "print('outside', repr(block.stdout), len(block.outputs))");
        assertThat(captured.stdout()).isEqualTo("outside 'inside\\n' 1\n");
        assertThat(captured.contents("display_data")).isEmpty();
        Execution kernels = cell("%%cpython\nget_ipython().run_line_magic('pwd', '')");
        assertThat(kernels.content().path("ename").asString()).isEqualTo("UsageError");
        assertThat(kernels.content().path("evalue").asString()).contains("run in GraalPy cells");
    }

    @Test
    @Order(4)
    void richReprsAndMatplotlibFiguresAreDisplayData() {
        Execution html = cell("%%cpython\nclass Box:\n    def _repr_html_(self):\n        return '<b>box</b>'\nBox()");
        assertThat(html.contents("execute_result")
                        .get(0)
                        .path("data")
                        .path("text/html")
                        .asString())
                .isEqualTo("<b>box</b>");
        Execution figure =
                cell("%%cpython\nimport matplotlib.pyplot as plt\nplt.plot([1, 4, 9])\nplt.title('squares');");
        assertThat(figure.ok()).as(figure.toString()).isTrue();
        JsonNode png = figure.contents("display_data").get(0).path("data");
        assertThat(png.path("image/png").asString()).startsWith("iVBORw0KGgo");
        assertThat(png.path("text/plain").asString()).startsWith("<Figure size");
    }

    @Test
    @Order(5)
    void tracebacksReadAsCPythonPrintsThem() {
        Execution error = cell("%%cpython\ndef f():\n    return {}['missing']\nf()");
        assertThat(error.ename()).isEqualTo("KeyError");
        assertThat(error.traceback())
                .startsWith("Traceback (most recent call last):")
                .contains("File \"<cell", "in f", "KeyError: 'missing'")
                .doesNotContain("pymastery-agent", "dev.pymastery", ".java");
    }

    @Test
    @Order(6)
    void anInterruptRaisesKeyboardInterruptInsideWithinASecondAndStateIsKept() {
        cell("%%cpython\nkept = 'still here'");
        String id =
                kernel.submit("%%cpython\nimport time\nprint('running', flush=True)\nwhile True:\n    time.sleep(0.1)");
        sleep(1500);
        double at = kernel.interruptAt();
        Execution interrupted = kernel.collect(id);
        assertThat(interrupted.ename()).isEqualTo("KeyboardInterrupt");
        assertThat(interrupted.traceback()).contains("time.sleep(0.1)").doesNotContain("pymastery-agent");
        assertThat(interrupted.firstArrival("error") - at)
                .as("seconds from interrupt to error")
                .isLessThan(1.0);
        assertThat(cell("%%cpython\nkept").result()).isEqualTo("'still here'");
    }

    @Test
    @Order(7)
    void aSessionThatDiesIsReportedAndTheNextCellStartsAFreshOne() {
        cell("%%cpython\nbefore = 1");
        Execution died = cell("%%cpython\nimport os\nos._exit(7)");
        assertThat(died.ename()).isEqualTo("SessionDied");
        assertThat(died.evalue()).contains("exited with status 7", "starts a fresh session");
        Execution fresh = cell("%%cpython\n'before' in dir()");
        assertThat(fresh.result()).isEqualTo("False");
        assertThat(fresh.stderr()).contains("Started a fresh stock session", "names defined before are gone");
    }

    @Test
    @Order(8)
    void aMemoryHogIsKilledAndTheKernelSurvives() {
        Execution hog = cell("%%cpython small\nhog = bytearray(1024 * 1024 * 1024)\nprint('survived')");
        assertThat(hog.ename()).as(hog.toString()).isEqualTo("SessionDied");
        assertThat(hog.evalue()).contains("256 MiB").containsIgnoringCase("memory");
        assertThat(hog.stdout()).doesNotContain("survived");
        assertThat(cell("%%cpython small\n'alive'").result()).isEqualTo("'alive'");
        assertThat(cell("%%cpython\n'stock untouched'").result()).isEqualTo("'stock untouched'");
        assertThat(cell("1 + 1").result()).isEqualTo("2");
    }

    @Test
    @Order(9)
    void containersHaveNoNetworkARealUserAndLimits() {
        Execution run = cell("""
                %%cpython
                import os, socket
                try:
                    socket.create_connection(("1.1.1.1", 80), timeout=3)
                    print("connected")
                except OSError as error:
                    print("no network:", type(error).__name__)
                print("uid", os.getuid())
                def first(*paths):
                    for path in paths:
                        if os.path.exists(path):
                            return open(path).read().split()
                print("pids", first("/sys/fs/cgroup/pids.max", "/sys/fs/cgroup/pids/pids.max"))
                print("memory", first("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"))
                print("cpu", first("/sys/fs/cgroup/cpu.max", "/sys/fs/cgroup/cpu/cpu.cfs_quota_us"))
                """);
        assertThat(run.stdout())
                .contains("no network: OSError")
                .contains("uid 65534")
                .doesNotContain("connected");
        // The defaults: 512 processes, 2 GiB, 2 CPUs (a quota of 200 ms per 100 ms period).
        assertThat(run.stdout())
                .contains("pids ['512']")
                .contains("memory ['" + (2L << 30) + "']")
                .contains("cpu ['200000'");
    }

    @Test
    @Order(10)
    void theFreeThreadedRuntimeRunsThreadsInParallel() {
        // Two threads each doing the work one thread did: without a GIL they take about as long
        // as one on these 2-core machines (throughput near 2x; 1.6-1.9 measured); with it, twice as
        // long (1x). A loop over its own floats: it shares no object between the threads.
        Execution ft = cell("""
                %%ft
                import sys, threading, time
                def spin(n):
                    x = 0.0
                    for _ in range(n):
                        x += 1.5
                def run(threads, n=4_000_000):
                    workers = [threading.Thread(target=spin, args=(n,)) for _ in range(threads)]
                    start = time.perf_counter()
                    for w in workers: w.start()
                    for w in workers: w.join()
                    return time.perf_counter() - start
                run(1, 100_000)
                # Other work on the machine (the kernel's own JIT compiler thread, warming up after
                # start) can take the second core for a while: measure for up to 30 s, keep the best.
                best, deadline = 0.0, time.monotonic() + 30
                while best < 1.6 and time.monotonic() < deadline:
                    best = max(best, 2 * run(1) / run(2))
                print("gil", sys._is_gil_enabled(), "throughput", round(best, 2))
                """);
        assertThat(ft.ok()).as(ft.toString()).isTrue();
        assertThat(ft.stderr()).doesNotContain("Warning");
        assertThat(ft.stdout()).startsWith("gil False throughput ");
        double throughput = Double.parseDouble(ft.stdout().strip().replaceAll(".* ", ""));
        assertThat(throughput).as(ft.stdout()).isGreaterThan(1.3);
    }

    @Test
    @Order(10)
    void aFreeThreadedRuntimeWarnsWhenItsInterpreterHasTheGil() {
        Execution gil = cell("%%cpython gil\nimport sys\nsys.version_info[:2], sys._is_gil_enabled()");
        assertThat(gil.ok()).as(gil.toString()).isTrue();
        assertThat(gil.result()).isEqualTo("((3, 14), True)");
        assertThat(gil.stderr()).contains("Warning", "meant to be free-threaded", "GIL");
        String table = cell("%runtimes")
                .contents("display_data")
                .get(0)
                .path("data")
                .path("text/plain")
                .asString();
        assertThat(table)
                .containsPattern("ft\\s+Podman|ft\\s+Docker")
                .containsPattern("(?m)^\\s*ft\\s.*CPython 3\\.13\\.\\d+.*\\sdisabled\\s")
                .containsPattern("(?m)^\\s*gil\\s.*CPython 3\\.14\\.\\d+.*\\senabled\\s");
    }

    @Test
    @Order(11)
    void theProcessEngineRunsALocalInterpreter() {
        Execution local = cell("%%cpython local\nimport os, sys\nsys.executable, os.path.exists('/.dockerenv')");
        assertThat(local.ok()).as(local.toString()).isTrue();
        assertThat(local.result()).startsWith("('" + Prerequisites.PYTHON);
        String table = cell("%runtimes")
                .contents("display_data")
                .get(0)
                .path("data")
                .path("text/plain")
                .asString();
        assertThat(table).containsPattern("local\\s+local process\\s+" + Prerequisites.PYTHON);
    }

    @Test
    @Order(12)
    void theCudaRuntimeSaysClearlyThatThereIsNoGpu() {
        Execution cuda = cell("%%cuda\nimport torch\ntorch.cuda.is_available()");
        assertThat(cuda.ename()).isEqualTo("RuntimeUnavailable");
        assertThat(cuda.evalue()).contains("needs a GPU", "none is visible", "NVIDIA");
    }

    @Test
    @Order(13)
    void aMissingImageSaysHowToBuildItAfterTryingToPullIt() {
        Execution missing = cell("%%cpython missing\n1");
        assertThat(missing.ename()).isEqualTo("RuntimeUnavailable");
        assertThat(missing.evalue())
                .contains("pymastery-test/missing:1 is not on this machine", "./docker/build.sh missing");
        JsonNode shown = missing.contents("display_data").get(0);
        String id = shown.path("transient").path("display_id").asString();
        assertThat(shown.path("data").path("text/plain").asString()).startsWith("Pulling pymastery-test/missing:1");
        assertThat(missing.contents("update_display_data")).anySatisfy(update -> assertThat(
                        update.path("transient").path("display_id").asString())
                .isEqualTo(id));
    }

    @Test
    @Order(14)
    void restartAndStopEndTheSession() {
        cell("%%cpython\nbefore_restart = 1");
        Execution restart = cell("%runtime restart stock");
        assertThat(restart.stdout()).startsWith("Restarted stock: CPython 3.13");
        assertThat(cell("%%cpython\n'before_restart' in dir()").result()).isEqualTo("False");
        assertThat(cell("%runtime stop stock").stdout()).contains("Stopped stock");
        String table = cell("%runtimes")
                .contents("display_data")
                .get(0)
                .path("data")
                .path("text/plain")
                .asString();
        assertThat(table).containsPattern("stock\\s+\\S+ \\S+\\s+" + ContainerEngine.STOCK_IMAGE + ".*stopped");
        assertThat(cell("%%cpython --fresh\n'fresh'").result()).isEqualTo("'fresh'");
    }

    @Test
    @Order(15)
    void aCellPastItsTimeoutIsInterrupted() {
        Execution slow = cell("%%cpython --timeout 1\nimport time\ntime.sleep(30)");
        assertThat(slow.ename()).isEqualTo("TimeoutError");
        assertThat(slow.seconds()).isLessThan(10);
        assertThat(cell("%%cpython\n'usable'").result()).isEqualTo("'usable'");
    }

    @Test
    @Order(16)
    void aMissingImageIsPulledWithAProgressBarUpdatedInPlace() throws Exception {
        TestRegistry.forgetImage();
        TestRegistry registry = TestRegistry.start();
        try {
            Execution pulled = cell("%%cpython pulled\nimport sys\nsys.version_info[:2]");
            assertThat(pulled.ok()).as(pulled.toString()).isTrue();
            assertThat(pulled.result()).isEqualTo("(3, 14)");
            JsonNode bar = pulled.contents("display_data").get(0);
            String id = bar.path("transient").path("display_id").asString();
            assertThat(bar.path("data").path("text/plain").asString())
                    .startsWith("Pulling " + TestRegistry.IMAGE + " [");
            assertThat(bar.path("data").path("text/html").asString()).contains("<progress");
            assertThat(pulled.contents("update_display_data"))
                    .isNotEmpty()
                    .allSatisfy(update -> assertThat(
                                    update.path("transient").path("display_id").asString())
                            .isEqualTo(id))
                    .last()
                    .satisfies(last -> assertThat(
                                    last.path("data").path("text/plain").asString())
                            .isEqualTo("Pulled " + TestRegistry.IMAGE + "."));
        } finally {
            registry.close();
            kernel.execute("%runtime stop pulled");
            TestRegistry.forgetImage();
        }
    }

    @Test
    @Order(17)
    void anEngineRestartEndsTheSessionClearlyAndTheNextCellStartsAFreshOne() throws Exception {
        cell("%%cpython\nbefore_engine_restart = 1");
        String id = kernel.submit("%%cpython\nimport time\ntime.sleep(60)");
        sleep(1000);
        PodmanService.restart();
        Execution died = kernel.collect(id);
        assertThat(died.ename()).as(died.toString()).isEqualTo("SessionDied");
        assertThat(died.evalue()).contains("did it restart?");
        Execution fresh = cell("%%cpython\n'before_engine_restart' in dir()");
        assertThat(fresh.result()).isEqualTo("False");
        assertThat(fresh.stderr()).contains("Started a fresh stock session");
    }

    @Test
    @Order(100)
    void shutdownRemovesTheKernelsContainers() throws Exception {
        long pid = kernel.kernelPid();
        assertThat(EngineContainers.ofKernelProcess(pid)).isNotEmpty();
        kernel.shutdown();
        assertThat(EngineContainers.awaitNone(pid, 10)).as(kernelLog()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
