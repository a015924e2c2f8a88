package dev.pymastery.bench;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.DiscardingOutput;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.container.CPythonRuntime;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import dev.pymastery.kernel.runtime.container.KernelIdentity;
import java.util.Arrays;
import tools.jackson.databind.json.JsonMapper;

/**
 * A runtime's own round trip, without Jupyter: {@code CPythonRuntime.run} of one cell, timed in
 * this JVM. Used by {@code ./pymastery bench runtimes}; configured like the kernel (environment).
 * Prints one JSON object: {@code {"runtime", "runs", "p50_ms", "p99_ms"}}.
 *
 * <pre>java -cp bench/target/pymastery-bench.jar:bench/target/lib/* dev.pymastery.bench.RoundTripBench RUNTIME RUNS CODE</pre>
 */
public final class RoundTripBench {
    private RoundTripBench() {}

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "stock";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String code = args.length > 2 ? args[2] : "1";
        CPythonRuntimes runtimes = CPythonRuntimes.create(
                System.getenv(),
                KernelIdentity.current("bench"),
                JsonMapper.builder().build());
        try {
            CPythonRuntime runtime = runtimes.runtime(name);
            // Output nobody reads: only the round trip is timed.
            CellOutput quiet = new DiscardingOutput();
            long[] samples = new long[runs];
            for (int i = -200; i < runs; i++) {
                long start = System.nanoTime();
                CellResult result = runtime.run(new Cell(code, "<bench>", 1, false), quiet);
                if (result instanceof CellResult.Failed failed) {
                    throw new IllegalStateException(
                            failed.error().ename() + ": " + failed.error().evalue());
                }
                if (i >= 0) {
                    samples[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(samples);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "{\"runtime\": \"%s\", \"runs\": %d, \"p50_ms\": %.4f, \"p99_ms\": %.4f}%n",
                    name,
                    runs,
                    samples[runs / 2] / 1e6,
                    samples[Math.min(runs - 1, (int) Math.round(runs * 0.99))] / 1e6);
        } finally {
            runtimes.close();
        }
    }
}
