package dev.pymastery.kernel.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** This process's resident memory, as Linux reports it in {@code /proc/self/status}. */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** The resident set size in bytes; empty where there is no {@code /proc} (not Linux). */
    public static Optional<Long> residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: no figure
        }
        return Optional.empty();
    }

    /**
     * Collects, so the heap shrinks to what is live (the kernel's flags let the collector give the
     * rest back, JvmOptions); returns the resident size after, in MB (0 when unknown).
     */
    public static long giveBack() {
        System.gc();
        return residentMegabytes();
    }

    /** The resident set size in MB, 0 when unknown. */
    public static long residentMegabytes() {
        return residentBytes().orElse(0L) / 1_000_000;
    }
}
