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
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.TestRun;
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
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
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
    private static final Duration CHECK_RETRY = Duration.ofMillis(500);
    private static final Duration CHECK_HARD_AFTER = Duration.ofMillis(1200);
    /** Live data after a collection above this share of the old generation stops the running cell. */
    private static final double NEARLY_FULL = 0.85;

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
    private final AtomicReference<CellOutput> output = new AtomicReference<>();
    private final AtomicReference<String[]> pendingEnvironment = new AtomicReference<>();
    private final GuestInterrupts interrupts;
    private final GuestErrors errors;
    private volatile LineMagicHandler magics;
    private volatile Thread guestThread;
    private boolean started;
    private GraalPyContexts contexts;
    private volatile Context context;
    private Value shell;

    private GraalPyRuntime(Settings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.interrupts = new GuestInterrupts(() -> context, this::resetAfterHardInterrupt);
        this.errors = new GuestErrors(json);
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
        return GraalPyContexts.optimizingRuntimeExpected();
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
        return !contexts.engineName().equals("Interpreted");
    }

    public String engineName() {
        awaitReady();
        return contexts.engineName();
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
        contexts = new GraalPyContexts(settings, json, output::get, () -> magics);
        openContext();
        warmUp(true);
        MemoryWatchdog.start(NEARLY_FULL, interrupts::stopForMemory);
        LOG.log(Level.INFO, "GraalPy ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private void openContext() {
        context = contexts.newContext();
        shell = contexts.newShell(context);
    }

    /** Warms the context up ({@link GraalPyContexts#warmUp}), then gives the learner a fresh shell. */
    private void warmUp(boolean everything) {
        GraalPyContexts.warmUp(shell, everything);
        // A fresh namespace for the learner: the warm-up's names must not show.
        shell = contexts.newShell(context);
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
                return new CellResult.Failed(errors.of(e, shell, interrupts));
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
                    timeout,
                    CHECK_RETRY,
                    CHECK_HARD_AFTER,
                    GuestInterrupts::raiseSigint,
                    interrupts::interruptContext)) {
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
     * Interrupts the running guest call: first SIGINT inside Python, then, if the cell does not
     * stop, the context from outside ({@link GuestInterrupts#interrupt}).
     */
    @Override
    public void interrupt() {
        interrupts.interrupt();
    }

    /**
     * Whether no guest code runs, waiting up to {@code timeout} for the running call (a cell being
     * interrupted) to end.
     */
    public boolean idleWithin(Duration timeout) {
        return interrupts.awaitIdle(timeout);
    }

    /** Marks the context busy for the duration of one top-level guest call (interrupt target). */
    private <T> T guestCall(Callable<T> call) throws Exception {
        return interrupts.call(call);
    }

    private void resetAfterHardInterrupt() {
        try {
            shell.invokeMember("reset_after_hard_interrupt");
        } catch (PolyglotException e) {
            LOG.log(Level.WARNING, "reset after interrupt failed", e);
        }
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
