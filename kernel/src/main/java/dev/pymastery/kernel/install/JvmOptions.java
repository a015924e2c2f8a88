package dev.pymastery.kernel.install;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM flags a kernel starts with. The Graal compiler jars go on the upgrade module path with
 * JVMCI enabled, so Truffle compiles hot Python code; C1-only tiering, the serial collector and a
 * single Truffle compiler thread keep start-up short on small machines (figures in
 * docs/decisions/0002-kernel-start-up.md). The heap has a fixed limit, so a cell that fills it
 * meets the kernel's memory watchdog (a MemoryError) at the same point on every machine.
 */
public final class JvmOptions {
    /**
     * The kernel's default maximum heap. A fresh kernel uses about 0.3 GB of it; 2 GB leaves room
     * for any exercise while a class machine still runs several kernels (about 2.5 GB resident
     * each at the limit, heap plus compiled code and metaspace).
     */
    public static final String DEFAULT_HEAP = "2g";

    private JvmOptions() {}

    /** Whether {@code size} is a heap size java accepts after {@code -Xmx}: digits and k, m or g. */
    public static boolean validHeap(String size) {
        return size.matches("[1-9][0-9]*[kKmMgG]?");
    }

    /**
     * @param javaFeature the feature version of the java that will run the kernel (flags differ)
     * @param jvmci the folder with the compiler, truffle-compiler, collections and word jars
     * @param heap the maximum heap ({@code -Xmx}), e.g. {@code 2g}
     */
    public static List<String> kernel(int javaFeature, Path jvmci, String heap) {
        if (!validHeap(heap)) {
            throw new IllegalArgumentException("heap size '" + heap + "' is not a size like 512m or 2g");
        }
        List<String> flags = new ArrayList<>();
        flags.add("-Xmx" + heap);
        // The heap starts small and grows as a session needs: by default the JVM commits 1/64 of the
        // machine's memory at start (384 MB of 24 GB) and never shrinks below it, so an idle
        // kernel held 609 MB after a quiet-time collection instead of 435 (bench levers).
        flags.add("-Xms16m");
        // A returned spare gives freed heap back to the system (Spare collects after renewal):
        // the serial collector shrinks the heap to at most 30 % free after a full collection, all
        // at once rather than a part at each of several collections.
        flags.add("-XX:MinHeapFreeRatio=10");
        flags.add("-XX:MaxHeapFreeRatio=30");
        flags.add("-XX:-ShrinkHeapInSteps");
        flags.add("-XX:+UnlockExperimentalVMOptions");
        flags.add("-XX:+EnableJVMCI");
        flags.add("--upgrade-module-path=" + modulePath(jvmci));
        flags.add("--enable-native-access=ALL-UNNAMED");
        if (javaFeature >= 24) {
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (javaFeature >= 22) {
            // glibc keeps freed native memory (compiler arenas, GraalPy's buffers) until trimmed:
            // trimming every 5 s took 30 MB off a quiet kernel (436 -> 407 MB, bench levers). A
            // product flag from Java 22; 21 has it only as an experimental one from 21.0.1.
            flags.add("-XX:TrimNativeHeapInterval=5000");
        }
        flags.add("-XX:+UseSerialGC");
        flags.add("-XX:TieredStopAtLevel=1");
        flags.add("-Dpolyglot.engine.CompilerThreads=1");
        return flags;
    }

    /**
     * Flags for the machine a spare starts on, added after the argument file (a later {@code -D}
     * wins): Truffle compiles hot Python on a quarter of the cores, 1 to 4 threads. On 2 cores one
     * compiler thread starts fastest (decision 0002); a second one competes with the cell it compiles
     * for. The collector and the host's C1-only tiering stay on every machine: both are memory
     * choices (G1 and C2 each cost 50-100 MB a kernel, measured), and a class machine fits its
     * kernels by memory.
     *
     * @param cores the processors the JVM sees ({@link Runtime#availableProcessors()}: a container's
     *     CPU limit counts)
     */
    public static List<String> forMachine(int cores) {
        int threads = Math.max(1, Math.min(4, cores / 4));
        return threads == 1 ? List.of() : List.of("-Dpolyglot.engine.CompilerThreads=" + threads);
    }

    /**
     * The launcher's flags: a small JVM that only claims a warm kernel, so it keeps the JDK's class
     * data sharing (the kernel's flags would turn it off) and needs little memory.
     */
    public static List<String> launcher() {
        return List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-XX:-UsePerfData");
    }

    /** The kernel's full command line for a Java argument file ({@code java @file}): one quoted argument a line. */
    public static String argumentFile(List<String> args) {
        StringBuilder out = new StringBuilder();
        for (String arg : args) {
            out.append('"')
                    .append(arg.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n");
        }
        return out.toString();
    }

    private static String modulePath(Path jvmci) {
        try (Stream<Path> jars = Files.list(jvmci)) {
            List<String> paths = jars.filter(p -> p.toString().endsWith(".jar"))
                    .sorted()
                    .map(Path::toString)
                    .toList();
            if (paths.size() != 4) {
                throw new IllegalStateException("expected the 4 Graal compiler jars in " + jvmci + ", found "
                        + paths.size() + "; rebuild with ./pymastery build");
            }
            return String.join(File.pathSeparator, paths);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
