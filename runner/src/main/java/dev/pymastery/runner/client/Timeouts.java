package dev.pymastery.runner.client;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the runner waits.
 *
 * @param kernelStart from launch until the kernel has answered kernel_info with IOPub flowing and
 *     run an empty silent cell
 * @param cell from sending a cell until its reply and idle status
 * @param outputGap the longest silence (no message about the cell) allowed while a cell runs;
 *     empty for no limit
 * @param interruptGrace after a timeout's interrupt, how long the cell may take to stop before the
 *     kernel is given up
 * @param heartbeat how long the heartbeat may go unanswered before the kernel counts as dead
 */
public record Timeouts(
        Duration kernelStart,
        Duration cell,
        Optional<Duration> outputGap,
        Duration interruptGrace,
        Duration heartbeat) {

    public Timeouts {
        for (Duration d : new Duration[] {kernelStart, cell, interruptGrace, heartbeat}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive: " + d);
            }
        }
        outputGap.ifPresent(gap -> {
            if (gap.isNegative() || gap.isZero()) {
                throw new IllegalArgumentException("the output gap timeout must be positive: " + gap);
            }
        });
    }

    /**
     * Two minutes to start (nbclient allows 60 s for kernel_info alone; this also covers the
     * kernel's own start-up, which for GraalPy on two busy cores has taken over a minute), 10
     * minutes a cell, no output-gap limit.
     */
    public static Timeouts defaults() {
        return new Timeouts(
                Duration.ofSeconds(120),
                Duration.ofMinutes(10),
                Optional.empty(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    /** "3 s", "2.5 s": a limit as messages name it. */
    public static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
