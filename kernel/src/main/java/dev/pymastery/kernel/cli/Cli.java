package dev.pymastery.kernel.cli;

import dev.pymastery.kernel.install.GuestPackages;
import dev.pymastery.kernel.install.InstallTarget;
import dev.pymastery.kernel.install.JvmOptions;
import dev.pymastery.kernel.install.KernelSpecInstaller;
import dev.pymastery.kernel.pool.PoolControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java side of {@code ./pymastery}: {@code install} and {@code uninstall}. Exit code 2 and a
 * message naming the fix for wrong usage.
 */
public final class Cli {
    private static final String USAGE = """
            usage: pymastery install [--user | --sys-prefix | --prefix DIR] [--name NAME]
                                     [--display-name TEXT] [--env NAME=VALUE ...] [--java PATH]
                                     [--heap SIZE] [--no-widgets]
                   pymastery uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]
                   pymastery pool status|stop|dir [--user | --sys-prefix | --prefix DIR] [--name NAME]
            """;

    private Cli() {}

    public static void main(String[] args) {
        try {
            System.exit(run(new ArrayDeque<>(Arrays.asList(args))));
        } catch (UsageException e) {
            System.err.println("pymastery: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("pymastery: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int run(Deque<String> args) {
        String command = args.isEmpty() ? "" : args.removeFirst();
        return switch (command) {
            case "install" -> install(args);
            case "uninstall" -> uninstall(args);
            case "pool" -> pool(args);
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    private record Options(
            InstallTarget target,
            String name,
            String displayName,
            Map<String, String> env,
            Path java,
            String heap,
            boolean widgets) {}

    private static Options options(Deque<String> args) {
        InstallTarget target = new InstallTarget.User(System.getenv());
        String name = "pymastery";
        String displayName = "Python Mastery (GraalPy)";
        Map<String, String> env = new LinkedHashMap<>();
        Path java = ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
        String heap = JvmOptions.DEFAULT_HEAP;
        boolean widgets = true;
        while (!args.isEmpty()) {
            String arg = args.removeFirst();
            switch (arg) {
                case "--user" -> target = new InstallTarget.User(System.getenv());
                case "--sys-prefix" -> target = new InstallTarget.SysPrefix(jupytersPython());
                case "--prefix" -> target = new InstallTarget.Prefix(Path.of(value(args, arg)));
                case "--name" -> name = value(args, arg);
                case "--display-name" -> displayName = value(args, arg);
                case "--no-widgets" -> widgets = false;
                case "--java" -> java = Path.of(value(args, arg));
                case "--heap" -> {
                    heap = value(args, arg);
                    if (!JvmOptions.validHeap(heap)) {
                        throw new UsageException("--heap needs a size like 512m or 4g, not '" + heap + "'");
                    }
                }
                case "--env" -> {
                    String pair = value(args, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--env needs NAME=VALUE, not '" + pair + "'");
                    }
                    env.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return new Options(target, name, displayName, env, java, heap, widgets);
    }

    private static String value(Deque<String> args, String option) {
        if (args.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return args.removeFirst();
    }

    private static int install(Deque<String> args) {
        Options options = options(args);
        JsonMapper json = JsonMapper.builder().build();
        // Widgets in GraalPy cells: the kernel side of ipywidgets from the Python that runs Jupyter.
        GuestPackages.Found widgets = options.widgets()
                ? GuestPackages.widgets(jupytersPython(), json)
                : new GuestPackages.Found(List.of(), "widgets: not in GraalPy cells (--no-widgets)");
        KernelSpecInstaller.Installed installed = new KernelSpecInstaller(json)
                .install(new KernelSpecInstaller.Request(
                        options.target(),
                        options.name(),
                        options.displayName(),
                        buildDirectory(),
                        options.java(),
                        Runtime.version().feature(),
                        options.env(),
                        options.heap(),
                        widgets.packages()));
        System.out.println("Installed kernelspec " + options.name() + " in " + installed.kernelSpec());
        System.out.println("Kernel jars in " + installed.distribution());
        System.out.println(widgets.summary());
        return 0;
    }

    /** The Python that runs Jupyter: {@code PYMASTERY_PYTHON}, else {@code python3}. */
    private static String jupytersPython() {
        String python = System.getenv().getOrDefault("PYMASTERY_PYTHON", "");
        return python.isBlank() ? "python3" : python;
    }

    private static int uninstall(Deque<String> args) {
        Options options = options(args);
        boolean removed =
                new KernelSpecInstaller(JsonMapper.builder().build()).uninstall(options.target(), options.name());
        System.out.println(removed ? "Removed kernelspec " + options.name() : "No kernelspec named " + options.name());
        return removed ? 0 : 1;
    }

    private static int pool(Deque<String> args) {
        String action = args.isEmpty() ? "status" : args.removeFirst();
        Options options = options(args);
        Path spec = options.target()
                .dataDir()
                .resolve("kernels")
                .resolve(options.name().toLowerCase(java.util.Locale.ROOT));
        PoolControl pool = PoolControl.of(spec, JsonMapper.builder().build(), System.getenv());
        switch (action) {
            case "dir" -> System.out.println(pool.dir());
            case "status" -> {
                System.out.println("pool folder: " + pool.dir());
                System.out.println("kernel processes: " + pool.processes().size()
                        + pool.processes().stream().map(p -> " " + p.pid()).reduce("", String::concat));
                System.out.println(
                        "waiting: " + (pool.waiting().isEmpty() ? "none" : String.join(", ", pool.waiting())));
            }
            case "stop" -> System.out.println("stopped " + pool.stop() + " kernel process(es)");
            default -> throw new UsageException("pool needs status, stop or dir, not '" + action + "'");
        }
        return 0;
    }

    /** The folder holding the running kernel jar, with lib/ and jvmci/ beside it. */
    private static Path buildDirectory() {
        try {
            Path jar = Path.of(Cli.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = Files.isDirectory(jar) ? jar.getParent() : jar.getParent();
            return dir;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
