package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.GuestValue;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * {@code %time stmt} and {@code %%time}: CPU (user, sys) and wall time of one run, as IPython
 * prints them. CPU time is the cell thread's own, so the JIT's compiler threads do not count.
 */
final class TimeMagic implements LineMagic, CellMagic {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public String name() {
        return "time";
    }

    @Override
    public String help() {
        return "%time STATEMENT / %%time: run once and print CPU and wall time";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        if (args.isBlank()) {
            throw new MagicUsageException("%time needs a statement, e.g. %time sum(range(10**6))");
        }
        GuestValue value = timed(context, () -> context.python().evaluate(args));
        return value.isNone() ? new Outcome.None() : new Outcome.Value(value);
    }

    @Override
    public CellResult run(String args, String body, MagicContext context) {
        String code = CellParser.rewriteLineMagics(body);
        return timed(context, () -> context.python().run(context.cell(code), context.output()));
    }

    private <T> T timed(MagicContext context, Supplier<T> work) {
        long cpu = threads.getCurrentThreadCpuTime();
        long user = threads.getCurrentThreadUserTime();
        long wall = System.nanoTime();
        try {
            return work.get();
        } finally {
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            double userSeconds = (threads.getCurrentThreadUserTime() - user) / 1e9;
            double totalSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double sysSeconds = Math.max(0, totalSeconds - userSeconds);
            context.print("CPU times: user " + Durations.format(userSeconds) + ", sys: "
                    + Durations.format(sysSeconds) + ", total: " + Durations.format(totalSeconds)
                    + "\nWall time: " + Durations.format(wallSeconds));
        }
    }
}
