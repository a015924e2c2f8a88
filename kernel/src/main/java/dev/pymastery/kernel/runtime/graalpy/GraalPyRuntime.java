package dev.pymastery.kernel.runtime.graalpy;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.Completeness;
import dev.pymastery.kernel.cell.Completion;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.GuestExitException;
import dev.pymastery.kernel.cell.Inspection;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.magic.LineMagicHandler;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.GuestValue;
import dev.pymastery.kernel.runtime.PythonShell;
import dev.pymastery.kernel.runtime.PythonSources;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.TestRun;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Python cells in GraalPy, inside this JVM. One platform thread ("graalpy") creates the context
 * and runs every guest call, so Python's main thread is the cell's thread and SIGINT-based
 * interrupts land in it. Start-up happens on that thread in the background: {@link #start} returns
 * at once and the first call waits for it.
 */
public final class GraalPyRuntime implements PythonShell {
    private static final System.Logger LOG = System.getLogger(GraalPyRuntime.class.getName());
    static final String HELPER_FILE = "<pymastery-kernel>";
    private static final Duration SOFT_INTERRUPT_GRACE = Duration.ofMillis(500);
    private static final Duration CHECK_RETRY = Duration.ofMillis(500);
    private static final Duration CHECK_HARD_AFTER = Duration.ofMillis(1200);
    /** Live data after a collection above this share of the old generation stops the running cell. */
    private static final double NEARLY_FULL = 0.85;
    /** A JVM flag ({@code -Dpymastery.engine.experimental=true}) that lets the engine take Truffle's experimental options. */
    static final String EXPERIMENTAL_OPTIONS = "pymastery.engine.experimental";

    /**
     * How contexts are made.
     *
     * @param bytecodeCache where {@code .pyc} files go (PYTHONPYCACHEPREFIX); empty writes none
     */
    public record Settings(Optional<java.nio.file.Path> bytecodeCache) {}

    private final Settings settings;
    private final ObjectMapper json;
    private final ExecutorService thread;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Object busyLock = new Object();
    private final AtomicReference<CellOutput> output = new AtomicReference<>();
    private final AtomicReference<String[]> pendingEnvironment = new AtomicReference<>();
    private volatile LineMagicHandler magics;
    private volatile Thread guestThread;
    private volatile boolean busy;
    private boolean started;
    private volatile boolean hardInterrupted;
    private volatile boolean stoppedForMemory;
    private Engine engine;
    private volatile Context context;
    private Value shell;

    private GraalPyRuntime(Settings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            // GraalPy raises RecursionError when the Java stack runs out: 16 MiB allows a few
            // thousand Python frames, more than CPython's default limit of 1000.
            Thread t = new Thread(null, runnable, "graalpy", 16L * 1024 * 1024);
            t.setDaemon(true);
            guestThread = t;
            return t;
        });
    }

    /** A runtime that starts GraalPy when {@link #start()} is called; calls before that wait. */
    public static GraalPyRuntime create(Settings settings, ObjectMapper json) {
        return new GraalPyRuntime(settings, json);
    }

    /** Starts GraalPy in the background (once); calls made before it is up wait for it. */
    public void start() {
        synchronized (ready) {
            if (!started) {
                started = true;
                thread.execute(() -> {
                    try {
                        initialize();
                        ready.complete(null);
                    } catch (Throwable t) {
                        LOG.log(Level.ERROR, "GraalPy failed to start", t);
                        ready.completeExceptionally(t);
                    }
                });
            }
        }
    }

    /**
     * Whether this JVM was started so that Truffle can use the Graal compiler (JVMCI enabled and
     * the compiler with its Truffle support on the upgrade module path). Answers before GraalPy
     * starts; {@link #optimizing()} confirms it from the engine.
     */
    public static boolean optimizingRuntimeExpected() {
        // The process's own arguments (cheap), not the JMX bean (which costs a few hundred ms to load).
        // A spare is started with its options in an @argfile, so those files are read too.
        boolean jvmci = ProcessHandle.current()
                .info()
                .arguments()
                .map(args -> java.util.Arrays.stream(args).anyMatch(GraalPyRuntime::enablesJvmci))
                .orElse(false);
        return jvmci
                && ModuleLayer.boot()
                        .findModule("jdk.graal.compiler")
                        .map(m -> m.getPackages().contains("jdk.graal.compiler.truffle.hotspot"))
                        .orElse(false);
    }

    private static boolean enablesJvmci(String argument) {
        if (argument.equals("-XX:+EnableJVMCI")) {
            return true;
        }
        if (argument.startsWith("@")) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(argument.substring(1)))
                        .contains("-XX:+EnableJVMCI");
            } catch (java.io.IOException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return "graalpy";
    }

    /**
     * The shell of one session: this runtime, with the line magics its cells meet run by {@code
     * magics}, the session's. A process serves one session at a time; the next one's call replaces
     * them (the composition root, {@code KernelProcess.serve}, makes it once per session).
     */
    public PythonShell session(LineMagicHandler magics) {
        this.magics = magics;
        return this;
    }

    @Override
    public void attach(CellOutput cellOutput) {
        output.set(cellOutput);
    }

    /** Blocks until GraalPy is up, starting it if nobody has. */
    public void awaitReady() {
        start();
        try {
            ready.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeUnavailableException("interrupted while GraalPy was starting");
        } catch (ExecutionException e) {
            throw new RuntimeUnavailableException(
                    "GraalPy failed to start: " + e.getCause().getMessage() + ". Restart the kernel; if it fails"
                            + " again, run ./pymastery doctor and look at the kernel log.",
                    e.getCause());
        }
    }

    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** True when the engine compiles hot Python code (Graal JIT), false on the fallback interpreter. */
    public boolean optimizing() {
        awaitReady();
        return !engine.getImplementationName().equals("Interpreted");
    }

    public String engineName() {
        awaitReady();
        return engine.getImplementationName();
    }

    @Override
    public String optimizingState() {
        if (isReady()) {
            return optimizing() ? "on (" + engineName() + ")" : "off (fallback interpreter)";
        }
        return optimizingRuntimeExpected() ? "on (GraalPy starting)" : "off (fallback interpreter)";
    }

    private void initialize() {
        long start = System.nanoTime();
        engine = Engine.newBuilder("python")
                // Truffle's experimental options (compilation thresholds) as -Dpolyglot.engine.*
                // flags in the argument file, for `./pymastery bench levers` (decision 0002).
                .allowExperimentalOptions(Boolean.getBoolean(EXPERIMENTAL_OPTIONS))
                .option("engine.WarnInterpreterOnly", "false")
                .logHandler(System.err)
                .build();
        String implementation = engine.getImplementationName();
        LOG.log(
                Level.INFO,
                "GraalPy engine: " + implementation
                        + (implementation.equals("Interpreted")
                                ? " (fallback interpreter: loops run slowly; start the kernel from its kernelspec)"
                                : " (optimizing runtime on)"));
        openContext();
        warmUp(true);
        MemoryWatchdog.start(NEARLY_FULL, this::stopForMemory);
        LOG.log(Level.INFO, "GraalPy ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /**
     * Stops the running cell because the heap is nearly full; it ends with a MemoryError that says
     * so. Without a running cell there is nothing to stop (the memory is the namespace's, and the
     * learner frees it).
     */
    private void stopForMemory() {
        if (!busy || stoppedForMemory) {
            return;
        }
        stoppedForMemory = true;
        LOG.log(Level.WARNING, "the heap is nearly full after a collection; stopping the running cell");
        // Not on the notification thread: the interrupt waits for the guest to stop.
        Thread stopper = new Thread(this::interruptContext, "memory-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    private void openContext() {
        Context.Builder builder = Context.newBuilder("python")
                .engine(engine)
                .allowIO(IOAccess.ALL)
                .allowCreateThread(true)
                .allowNativeAccess(true)
                .allowCreateProcess(true)
                .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                .allowHostAccess(HostAccess.EXPLICIT)
                .out(new GuestStream("stdout", output::get))
                .err(new GuestStream("stderr", output::get))
                .in(InputStream.nullInputStream())
                .logHandler(System.err)
                .option("python.UnbufferedIO", "true")
                .option("python.InstallSignalHandlers", "true")
                .option("python.WarnExperimentalFeatures", "false");
        settings.bytecodeCache().ifPresent(dir -> builder.option("python.DontWriteBytecodeFlag", "false")
                .option("python.PyCachePrefix", dir.toString()));
        context = builder.build();
        context.eval(HELPER);
        KernelBridge bridge = new KernelBridge(json, output::get, () -> magics);
        shell = context.getBindings("python").getMember("make_shell").execute(bridge);
    }

    /** One Source for every context, so a renewed context reuses the engine's parsed and compiled helper. */
    private static final Source HELPER = helperSource();

    private static Source helperSource() {
        String text = PythonSources.withCommon(GraalPyRuntime.class, "pymastery_kernel.py", "cpython_wording.py");
        return Source.newBuilder("python", text, HELPER_FILE).buildLiteral();
    }

    /**
     * Runs the paths a first cell takes, so the learner's first cell does not pay for them. A
     * renewed context ({@code everything} false) skips completion and inspection: the engine has
     * compiled them already, and what is left, importing {@code inspect} and {@code pkgutil} into
     * the context, would cost every notebook about 0.3 s for a first Tab or Shift-Tab that may
     * never come.
     */
    private void warmUp(boolean everything) {
        Value scratch = shell;
        scratch.invokeMember(
                "run_cell", "import math\nsquares = {i: i * i for i in range(50)}\nsquares", "<warm-up>", 0, false);
        if (everything) {
            scratch.invokeMember("complete", "squares.ke", 10);
            scratch.invokeMember("complete", "pri", 3);
            scratch.invokeMember("inspect", "print", 5, 0);
        }
        scratch.invokeMember("is_complete", "for i in range(3):");
        scratch.invokeMember("run_cell", "1/0", "<warm-up>", 0, false);
        // A fresh namespace for the learner: the warm-up's names must not show.
        KernelBridge bridge = new KernelBridge(json, output::get, () -> magics);
        shell = context.getBindings("python").getMember("make_shell").execute(bridge);
    }

    /**
     * Gives the guest the environment and working directory Jupyter gave the kernel (a warm spare
     * was started before they were known).
     */
    public void environment(Map<String, String> env, java.nio.file.Path cwd) {
        // Applied by the next guest call, before anything else: a cell must never run first and
        // then lose what it set to the hand-over.
        pendingEnvironment.set(new String[] {json.writeValueAsString(env), cwd.toString()});
    }

    private void applyPendingEnvironment() {
        String[] pending = pendingEnvironment.getAndSet(null);
        if (pending != null) {
            shell.invokeMember("apply_environment", pending[0], pending[1]);
        }
    }

    /**
     * Whether the guest loaded a C extension (GraalPy loads one per process only, so such a process
     * cannot start a fresh context for another session).
     */
    public boolean loadedNativeModules() {
        return onGuestThread(() ->
                guestCall(() -> shell.invokeMember("loaded_native_modules").asBoolean()));
    }

    /**
     * Replaces the context with a fresh one on the same engine (compiled code stays warm, no
     * Python state survives), then warms it up like the first.
     */
    public void renew() {
        awaitReady();
        // Not through onGuestThread: a hand-over waiting for the next session must reach the new
        // context, not the one being closed.
        CompletableFuture.runAsync(
                        () -> {
                            output.set(null);
                            long start = System.nanoTime();
                            context.close(true);
                            long closed = System.nanoTime();
                            openContext();
                            long opened = System.nanoTime();
                            warmUp(false);
                            LOG.log(
                                    Level.INFO,
                                    "renewed: close {0} ms, new context {1} ms, warm-up {2} ms",
                                    (closed - start) / 1_000_000,
                                    (opened - closed) / 1_000_000,
                                    (System.nanoTime() - opened) / 1_000_000);
                        },
                        thread)
                .join();
    }

    @Override
    public CellResult run(Cell cell, CellOutput cellOutput) {
        output.set(cellOutput);
        return onGuestThread(() -> {
            try {
                String result = guestCall(() -> shell.invokeMember(
                                "run_cell", cell.code(), cell.name(), cell.executionCount(), cell.storeHistory())
                        .asString());
                return cellResult(json.readTree(result));
            } catch (PolyglotException e) {
                if (e.isExit()) {
                    throw new GuestExitException(e.getExitStatus());
                }
                return new CellResult.Failed(errorOf(e));
            }
        });
    }

    private CellResult cellResult(JsonNode node) {
        if (node.path("status").asString("").equals("ok")) {
            JsonNode result = node.get("result");
            return new CellResult.Ok(result == null ? Optional.empty() : Optional.of(bundle(result)));
        }
        return new CellResult.Failed(ErrorInfo.fromJson(node));
    }

    private MimeBundle bundle(JsonNode node) {
        return new MimeBundle((ObjectNode) node.get("data"), (ObjectNode) node.get("metadata"));
    }

    @Override
    public Map<String, CellResult> expressions(Map<String, String> expressions) {
        if (expressions.isEmpty()) {
            return Map.of();
        }
        return onGuestThread(() -> {
            JsonNode answers = json.readTree(
                    guestCall(() -> shell.invokeMember("expressions", json.writeValueAsString(expressions))
                            .asString()));
            Map<String, CellResult> results = new LinkedHashMap<>();
            answers.forEachEntry((key, answer) -> results.put(
                    key,
                    answer.path("status").asString("").equals("ok")
                            ? new CellResult.Ok(Optional.of(bundle(answer.get("bundle"))))
                            : new CellResult.Failed(ErrorInfo.fromJson(answer))));
            return results;
        });
    }

    @Override
    public GuestValue evaluate(String source) {
        return onGuestThread(() -> guestCall(() -> flushingOutput(() -> shell.invokeMember("evaluate", source))));
    }

    /**
     * Runs a lab check's hidden test against the namespace (see {@code Shell.run_check}); called by
     * a line magic, so on the GraalPy thread in the middle of a cell. When {@code timeout} passes the
     * test gets KeyboardInterrupt (twice, {@link #CHECK_RETRY} apart); if it is still running
     * {@link #CHECK_HARD_AFTER} after the deadline, the context is interrupted from outside as the
     * kernel's interrupt does, which ends the whole cell with KeyboardInterrupt.
     */
    @Override
    public TestRun runCheck(String test, String testFile, Duration timeout) {
        return onGuestThread(() -> {
            try (CheckWatchdog watchdog = CheckWatchdog.start(
                    timeout, CHECK_RETRY, CHECK_HARD_AFTER, GraalPyRuntime::raiseSigint, this::interruptContext)) {
                String result = guestCall(() -> {
                    try {
                        return shell.invokeMember("run_check", test, testFile).asString();
                    } finally {
                        watchdog.finished();
                        shell.getMember("output").invokeMember("flush");
                    }
                });
                return TestRun.fromJson(json.readTree(result), watchdog.expired(), timeout);
            }
        });
    }

    @Override
    public GuestValue call(String method, Object... args) {
        return onGuestThread(() -> guestCall(() -> flushingOutput(() -> shell.invokeMember(method, args))));
    }

    /**
     * Runs a guest call for Java code that prints next (a magic): what Python buffered must reach
     * the cell first, so the buffer is flushed when the call returns or raises.
     */
    private GuestValue flushingOutput(Callable<Value> call) throws Exception {
        try {
            return new GraalPyValue(call.call());
        } finally {
            shell.getMember("output").invokeMember("flush");
        }
    }

    @Override
    public Completion complete(String code, int cursor) {
        return onGuestThread(() -> {
            JsonNode node = json.readTree(
                    guestCall(() -> shell.invokeMember("complete", code, cursor).asString()));
            List<String> matches = new ArrayList<>();
            List<String> types = new ArrayList<>();
            node.path("matches").forEach(m -> matches.add(m.asString("")));
            node.path("types").forEach(t -> types.add(t.asString("")));
            return new Completion(
                    matches, node.path("start").asInt(cursor), node.path("end").asInt(cursor), types);
        });
    }

    @Override
    public Inspection inspect(String code, int cursor, int detailLevel) {
        return onGuestThread(() -> {
            JsonNode node = json.readTree(guestCall(() ->
                    shell.invokeMember("inspect", code, cursor, detailLevel).asString()));
            if (!node.path("found").asBoolean(false)) {
                return Inspection.notFound();
            }
            return new Inspection(Optional.of(MimeBundle.text(node.path("text").asString(""))));
        });
    }

    @Override
    public Completeness isComplete(String code) {
        return onGuestThread(() -> {
            JsonNode node = json.readTree(
                    guestCall(() -> shell.invokeMember("is_complete", code).asString()));
            return switch (node.path("status").asString("unknown")) {
                case "complete" -> new Completeness.Complete();
                case "incomplete" ->
                    new Completeness.Incomplete(node.path("indent").asString(""));
                case "invalid" -> new Completeness.Invalid();
                default -> new Completeness.Unknown();
            };
        });
    }

    /**
     * Interrupts the running guest call: first SIGINT inside Python (a real, catchable
     * KeyboardInterrupt with the cell's traceback); if the code is still running after a grace
     * period (blocked in native code, or it swallowed the exception), the context is interrupted
     * from outside and the kernel reports the KeyboardInterrupt itself.
     */
    @Override
    public void interrupt() {
        if (!busy || context == null) {
            return;
        }
        raiseSigint();
        if (awaitIdle(SOFT_INTERRUPT_GRACE)) {
            return;
        }
        LOG.log(Level.INFO, "the cell ignored KeyboardInterrupt; interrupting the context");
        interruptContext();
    }

    /** Stops the running guest code from outside; the cell then ends with KeyboardInterrupt. */
    private void interruptContext() {
        hardInterrupted = true;
        try {
            context.interrupt(Duration.ofSeconds(5));
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "the context did not stop within 5 s of an interrupt");
        }
    }

    /**
     * Raises SIGINT in this process; the guest's handler (installed by the shell) turns it into
     * KeyboardInterrupt in the running cell. The signal reaches the guest through GraalPy's own
     * signal thread, so nothing here waits for the GIL: a compiled loop that does not give the GIL
     * up (seen in a renewed context on a shared engine) is still interrupted.
     */
    private static void raiseSigint() {
        try {
            sun.misc.Signal.raise(new sun.misc.Signal("INT"));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "cannot raise SIGINT here; relying on the context interrupt", e);
        }
    }

    /**
     * Whether no guest code runs, waiting up to {@code timeout} for the running call (a cell being
     * interrupted) to end.
     */
    public boolean idleWithin(Duration timeout) {
        return awaitIdle(timeout);
    }

    private boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (busyLock) {
            while (busy) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    busyLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return !busy;
                }
            }
            return true;
        }
    }

    /** Marks the context busy for the duration of one top-level guest call (interrupt target). */
    private <T> T guestCall(Callable<T> call) throws Exception {
        boolean outermost = !busy;
        if (outermost) {
            busy = true;
            hardInterrupted = false;
            stoppedForMemory = false;
        }
        try {
            return call.call();
        } finally {
            if (outermost) {
                synchronized (busyLock) {
                    busy = false;
                    busyLock.notifyAll();
                }
                if (hardInterrupted) {
                    resetAfterHardInterrupt();
                }
            }
        }
    }

    private void resetAfterHardInterrupt() {
        try {
            shell.invokeMember("reset_after_hard_interrupt");
        } catch (PolyglotException e) {
            LOG.log(Level.WARNING, "reset after interrupt failed", e);
        }
    }

    /** The error a learner sees for an exception that left the guest without Python formatting it. */
    private ErrorInfo errorOf(PolyglotException e) {
        List<String> frames = GuestFrames.format(e, HELPER_FILE);
        if (stoppedForMemory) {
            return traceback("MemoryError", outOfMemory(), frames);
        }
        if (e.isInterrupted() || hardInterrupted) {
            return traceback(
                    "KeyboardInterrupt",
                    "the cell did not stop on KeyboardInterrupt (it caught the exception, or was blocked"
                            + " outside Python), so the kernel stopped it from outside; the namespace is intact",
                    frames);
        }
        if (e.isResourceExhausted()) {
            return traceback(
                    "MemoryError",
                    e.getMessage() != null && e.getMessage().contains("heap")
                            ? outOfMemory()
                            : "the cell ran out of memory or stack: " + e.getMessage(),
                    frames);
        }
        if (e.isCancelled()) {
            return traceback("KernelShutdown", "the kernel is shutting down", frames);
        }
        if (e.isGuestException() && !e.isHostException()) {
            try {
                return ErrorInfo.fromJson(json.readTree(
                        shell.invokeMember("_error_json", e.getGuestObject()).asString()));
            } catch (RuntimeException formatting) {
                LOG.log(Level.WARNING, "could not format a guest exception", formatting);
            }
        }
        LOG.log(Level.ERROR, "internal error while running a cell", e);
        return traceback(
                "InternalError",
                "the kernel failed while running this cell (" + e.getMessage()
                        + "). The kernel log has the details; the namespace is intact.",
                frames);
    }

    /** What a learner reads when the heap ran out: what happened and what to do. */
    private static String outOfMemory() {
        return String.format(
                java.util.Locale.ROOT,
                "the kernel's memory (%.1f GB) is nearly full, so the kernel stopped this cell. Free what you"
                        + " no longer need (del a big list or dict, or assign None to it) and run the cell again"
                        + " on less data, or restart the kernel. Names defined before this cell are intact.",
                java.lang.Runtime.getRuntime().maxMemory() / 1e9);
    }

    private static ErrorInfo traceback(String ename, String evalue, List<String> frames) {
        List<String> lines = new ArrayList<>();
        if (!frames.isEmpty()) {
            lines.add("Traceback (most recent call last):");
            lines.addAll(frames);
        }
        lines.add(evalue.isEmpty() ? ename : ename + ": " + evalue);
        return new ErrorInfo(ename, evalue, lines);
    }

    /** Runs on the GraalPy thread; a nested call from that thread (a line magic) runs inline. */
    private <T> T onGuestThread(Callable<T> call) {
        awaitReady();
        try {
            if (Thread.currentThread() == guestThread) {
                applyPendingEnvironment();
                return call.call();
            }
            return CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    applyPendingEnvironment();
                                    return call.call();
                                } catch (RuntimeException e) {
                                    throw e;
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            thread)
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeUnavailableException("interrupted while waiting for GraalPy");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Context current = context;
        if (current != null) {
            try {
                current.close(true);
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "closing the GraalPy context", e);
            }
        }
        thread.shutdownNow();
    }
}
