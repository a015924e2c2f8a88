package dev.pymastery.runner;

import dev.pymastery.runner.client.KernelSpecs;
import dev.pymastery.runner.client.Timeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses {@code nbval}'s command line. */
public final class NbvalArguments {
    static final String USAGE = """
            usage: pymastery nbval [OPTIONS] [PATH...]

            Runs notebooks through their kernels over the Jupyter protocol and checks that each code
            cell still runs and still produces its stored outputs, as nbval does. PATH: notebooks or
            folders searched for *.ipynb (default: notebooks/). Exit code 0 only when every cell passes.

              --kernel NAME               run every notebook with this kernelspec (default: the
                                          notebook's metadata.kernelspec.name)
              --lax                       compare outputs only of cells marked NBVAL_CHECK_OUTPUT
              --sanitize-with FILE        nbval sanitizer file (regex: / replace: line pairs, Python
                                          syntax) applied to both sides; may be given several times.
                                          Notebooks under notebooks/ also get notebooks/sanitize.cfg
              --compare-images            compare image/* outputs too (left out by default)
              --compare-error-values      compare an error's evalue as well as its ename
              -j, --jobs N                run N notebooks at a time, each with its own kernel (default 1;
                                          PyMastery's kernel then keeps N processes warm)
              --junit-xml FILE            write JUnit XML: a testsuite per notebook, a testcase per cell
              --keep-executed DIR         write each executed notebook under DIR (same relative path)
              --update                    store the fresh outputs in the notebooks (only notebooks
                                          whose cells all ran without an unexpected error)
              --kernel-start-timeout S    seconds for a kernel to answer kernel_info and run an
                                          empty cell (default 120)
              --cell-timeout S            seconds a cell may run (default 600)
              --output-timeout S          seconds a running cell may stay silent (default: no limit)
              --interrupt-grace S         seconds an interrupted cell has to stop (default 10)
              --heartbeat-timeout S       seconds without heartbeat before a kernel counts as dead
                                          (default 30)
              -v, --verbose               a line per cell as it finishes

            Markers (cell tags, or comment lines such as "# NBVAL_SKIP"): NBVAL_SKIP,
            NBVAL_IGNORE_OUTPUT, NBVAL_CHECK_OUTPUT, NBVAL_RAISES_EXCEPTION (tag also raises-exception).
            Kernelspecs are found as Jupyter finds them (JUPYTER_PATH, then the user and system folders).
            """;

    private NbvalArguments() {}

    /**
     * @param defaultFolder the folder run when no PATH is given
     * @throws UsageException for a command line that cannot be run
     */
    public static NbvalOptions parse(List<String> arguments, Map<String, String> env, Path defaultFolder) {
        Deque<String> args = new ArrayDeque<>(arguments);
        List<Path> paths = new ArrayList<>();
        Optional<String> kernel = Optional.empty();
        boolean lax = false;
        List<Path> sanitizers = new ArrayList<>();
        boolean compareImages = false;
        boolean compareErrorValues = false;
        int jobs = 1;
        Timeouts defaults = Timeouts.defaults();
        Duration kernelStart = defaults.kernelStart();
        Duration cell = defaults.cell();
        Optional<Duration> outputGap = defaults.outputGap();
        Duration interruptGrace = defaults.interruptGrace();
        Duration heartbeat = defaults.heartbeat();
        Optional<Path> junitXml = Optional.empty();
        Optional<Path> keepExecuted = Optional.empty();
        boolean update = false;
        boolean verbose = false;
        while (!args.isEmpty()) {
            String arg = args.removeFirst();
            String inline = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                inline = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            }
            switch (arg) {
                case "--kernel" -> kernel = Optional.of(value(args, arg, inline));
                case "--lax" -> lax = true;
                case "--sanitize-with", "--nbval-sanitize-with" -> sanitizers.add(Path.of(value(args, arg, inline)));
                case "--compare-images" -> compareImages = true;
                case "--compare-error-values" -> compareErrorValues = true;
                case "-j", "--jobs" -> jobs = positiveInt(value(args, arg, inline), arg);
                case "--junit-xml" -> junitXml = Optional.of(Path.of(value(args, arg, inline)));
                case "--keep-executed" -> keepExecuted = Optional.of(Path.of(value(args, arg, inline)));
                case "--update" -> update = true;
                case "--kernel-start-timeout" -> kernelStart = seconds(value(args, arg, inline), arg);
                case "--cell-timeout", "--nbval-cell-timeout" -> cell = seconds(value(args, arg, inline), arg);
                case "--output-timeout" -> outputGap = Optional.of(seconds(value(args, arg, inline), arg));
                case "--interrupt-grace" -> interruptGrace = seconds(value(args, arg, inline), arg);
                case "--heartbeat-timeout" -> heartbeat = seconds(value(args, arg, inline), arg);
                case "-v", "--verbose" -> verbose = true;
                case "-h", "--help" -> throw new HelpRequested();
                default -> {
                    if (arg.startsWith("-j") && arg.length() > 2) {
                        jobs = positiveInt(arg.substring(2), "-j");
                    } else if (arg.startsWith("-") && !arg.equals("-")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    } else {
                        paths.add(Path.of(arg));
                    }
                }
            }
        }
        boolean defaultPaths = paths.isEmpty();
        if (defaultPaths) {
            paths.add(defaultFolder);
        }
        return new NbvalOptions(
                paths,
                defaultPaths,
                kernel,
                lax,
                sanitizers,
                compareImages,
                compareErrorValues,
                jobs,
                new Timeouts(kernelStart, cell, outputGap, interruptGrace, heartbeat),
                junitXml,
                keepExecuted,
                update,
                verbose,
                KernelSpecs.dataDirs(env),
                defaultFolder);
    }

    /** {@code -h} / {@code --help}: print the usage and exit 0. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }

    private static String value(Deque<String> args, String option, String inline) {
        if (inline != null) {
            return inline;
        }
        if (args.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return args.removeFirst();
    }

    /** A whole number of at least 1 given to {@code option}, or a usage error naming it. */
    public static int positiveInt(String text, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a whole number of at least 1, not '" + text + "'");
    }

    private static Duration seconds(String text, String option) {
        try {
            double seconds = Double.parseDouble(text);
            if (seconds > 0 && Double.isFinite(seconds)) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a number of seconds above 0, not '" + text + "'");
    }
}
