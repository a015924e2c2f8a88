package dev.pymastery.kernel.magic;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats durations as IPython's %time does: three significant digits in s, ms, µs or ns. */
final class Durations {
    private static final String[] UNITS = {"s", "ms", "µs", "ns"};

    private Durations() {}

    static String format(double seconds) {
        if (seconds >= 60) {
            long minutes = (long) (seconds / 60);
            long rest = Math.round(seconds - minutes * 60);
            return rest == 0 ? minutes + "min" : minutes + "min " + rest + "s";
        }
        int order = 3;
        if (seconds > 0) {
            order = Math.min(-Math.floorDiv((int) Math.floor(Math.log10(seconds)), 3), 3);
        }
        double scaled = seconds * Math.pow(1000, order);
        String digits = new BigDecimal(scaled)
                .round(new MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
        return digits + " " + UNITS[order];
    }
}
