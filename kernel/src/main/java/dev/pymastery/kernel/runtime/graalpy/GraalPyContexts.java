package dev.pymastery.kernel.runtime.graalpy;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.magic.LineMagicHandler;
import dev.pymastery.kernel.runtime.PythonSources;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import tools.jackson.databind.ObjectMapper;

/**
 * How GraalPy is set up in this JVM: one engine for the process, and on it a context per session
 * with the kernel's Python evaluated in it, its shell, and the warm-up. Used on the GraalPy thread
 * only; the engine is built by the constructor.
 */
final class GraalPyContexts {
    private static final System.Logger LOG = System.getLogger(GraalPyContexts.class.getName());
    /** The file name the kernel's Python is compiled under; tracebacks leave its frames out. */
    static final String HELPER_FILE = "<pymastery-kernel>";
    /** A JVM flag ({@code -Dpymastery.engine.experimental=true}) that lets the engine take Truffle's experimental options. */
    static final String EXPERIMENTAL_OPTIONS = "pymastery.engine.experimental";
    /**
     * The kernel's Python files beside this class, joined after {@code pymastery_common.py} into one
     * source: each base class of {@code Shell} before {@code pymastery_kernel.py}, which defines it.
     */
    static final List<String> HELPER_FILES = List.of(
            "shell_output.py",
            "shell_ipython.py",
            "shell_magics.py",
            "shell_completion.py",
            "pymastery_kernel.py",
            "cpython_wording.py");
    /** One Source for every context, so a renewed context reuses the engine's parsed and compiled helper. */
    private static final Source HELPER = helperSource();

    private final GraalPyRuntime.Settings settings;
    private final ObjectMapper json;
    private final Supplier<CellOutput> output;
    private final Supplier<LineMagicHandler> magics;
    private final Engine engine;

    /**
     * @param output the cell the guest's output goes to, read at each write
     * @param magics the session's line magics, read at each call
     */
    GraalPyContexts(
            GraalPyRuntime.Settings settings,
            ObjectMapper json,
            Supplier<CellOutput> output,
            Supplier<LineMagicHandler> magics) {
        this.settings = settings;
        this.json = json;
        this.output = output;
        this.magics = magics;
        this.engine = Engine.newBuilder("python")
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
    }

    private static Source helperSource() {
        String text = PythonSources.withCommon(GraalPyContexts.class, HELPER_FILES.toArray(String[]::new));
        return Source.newBuilder("python", text, HELPER_FILE).buildLiteral();
    }

    /**
     * Whether this JVM was started so that Truffle can use the Graal compiler (JVMCI enabled and
     * the compiler with its Truffle support on the upgrade module path). Answers before GraalPy
     * starts; {@link #engineName()} confirms it from the engine.
     */
    static boolean optimizingRuntimeExpected() {
        // The process's own arguments (cheap), not the JMX bean (which costs a few hundred ms to load).
        // A spare is started with its options in an @argfile, so those files are read too.
        boolean jvmci = ProcessHandle.current()
                .info()
                .arguments()
                .map(args -> java.util.Arrays.stream(args).anyMatch(GraalPyContexts::enablesJvmci))
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

    /** The engine's implementation: "Interpreted" on the fallback interpreter, else the compiler's name. */
    String engineName() {
        return engine.getImplementationName();
    }

    /** A new context on the engine, with the kernel's Python evaluated in it. */
    Context newContext() {
        Context.Builder builder = Context.newBuilder("python")
                .engine(engine)
                .allowIO(IOAccess.ALL)
                .allowCreateThread(true)
                .allowNativeAccess(true)
                .allowCreateProcess(true)
                .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                .allowHostAccess(HostAccess.EXPLICIT)
                .out(new GuestStream("stdout", output))
                .err(new GuestStream("stderr", output))
                .in(InputStream.nullInputStream())
                .logHandler(System.err)
                .option("python.UnbufferedIO", "true")
                .option("python.InstallSignalHandlers", "true")
                .option("python.WarnExperimentalFeatures", "false");
        settings.bytecodeCache().ifPresent(dir -> builder.option("python.DontWriteBytecodeFlag", "false")
                .option("python.PyCachePrefix", dir.toString()));
        Context context = builder.build();
        context.eval(HELPER);
        return context;
    }

    /** A new Shell (a fresh namespace) in {@code context}, reaching the kernel through its own bridge. */
    Value newShell(Context context) {
        KernelBridge bridge = new KernelBridge(json, output, magics);
        return context.getBindings("python").getMember("make_shell").execute(bridge);
    }

    /**
     * Runs the paths a first cell takes in {@code scratch}, a shell the learner never sees, so the
     * learner's first cell does not pay for them. A renewed context ({@code everything} false) skips
     * completion and inspection: the engine has compiled them already, and what is left, importing
     * {@code inspect} and {@code pkgutil} into the context, would cost every notebook about 0.3 s for
     * a first Tab or Shift-Tab that may never come.
     */
    static void warmUp(Value scratch, boolean everything) {
        scratch.invokeMember(
                "run_cell", "import math\nsquares = {i: i * i for i in range(50)}\nsquares", "<warm-up>", 0, false);
        if (everything) {
            scratch.invokeMember("complete", "squares.ke", 10);
            scratch.invokeMember("complete", "pri", 3);
            scratch.invokeMember("inspect", "print", 5, 0);
        }
        scratch.invokeMember("is_complete", "for i in range(3):");
        scratch.invokeMember("run_cell", "1/0", "<warm-up>", 0, false);
    }
}
