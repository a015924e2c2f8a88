package dev.pymastery.kernel.pool;

import java.util.Optional;

/**
 * What decides whether a used process may return to the pool memory-wise, and what gives the last
 * session's memory back. The kernel JVM runs the serial collector with {@code MaxHeapFreeRatio}
 * (JvmOptions), so a full collection shrinks a heap a heavy session had grown and returns the pages
 * to the system.
 */
final class SpareMemory {
    /** A used process whose resident memory stays above this many times its fresh size retires. */
    static final double MAX_GROWTH = 2.0;

    private final long freshResident;

    private SpareMemory(long freshResident) {
        this.freshResident = freshResident;
    }

    /** Measures the process as it is now (a fresh spare, GraalPy warmed up). */
    static SpareMemory measureFresh() {
        collect();
        return new SpareMemory(ProcessMemory.residentBytes().orElse(0L));
    }

    /**
     * Why the process should not return after a collection, or empty when it may: live heap data
     * above 60 % of the maximum, or resident memory above {@link #MAX_GROWTH} times the fresh size
     * (memory the JVM keeps: compiled code, metaspace, native allocations of the guest).
     */
    Optional<String> tooBigToReturn() {
        collect();
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        if (used >= runtime.maxMemory() * 0.6) {
            return Optional.of("memory use is high (" + used / 1_000_000 + " MB live on the heap)");
        }
        Optional<Long> resident = ProcessMemory.residentBytes();
        if (freshResident > 0 && resident.isPresent() && resident.get() > freshResident * MAX_GROWTH) {
            return Optional.of("resident memory is " + resident.get() / 1_000_000 + " MB, more than " + MAX_GROWTH
                    + " times the " + freshResident / 1_000_000 + " MB of a fresh process");
        }
        return Optional.empty();
    }

    private static void collect() {
        System.gc();
    }
}
