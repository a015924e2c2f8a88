package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.GuestValue;
import java.util.Optional;
import java.util.Set;

/**
 * {@code %timeit [-n N] [-r R] [-q] [-o] stmt} and {@code %%timeit [options] [setup]} with the
 * statement as the body. Without {@code -n} the loop count grows until one run takes 0.2 s, as
 * IPython does. The timing loop runs in Python with {@code timeit}.
 */
final class TimeitMagic implements LineMagic, CellMagic {
    private static final Set<String> WITH_VALUE = Set.of("n", "r");
    private static final Set<String> FLAGS = Set.of("q", "o");

    @Override
    public String name() {
        return "timeit";
    }

    @Override
    public String help() {
        return "%timeit [-n N] [-r R] [-q] [-o] STATEMENT / %%timeit: mean ± std. dev. over repeated runs";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        MagicArgs parsed = MagicArgs.parse(args, WITH_VALUE, FLAGS);
        if (parsed.rest().isBlank()) {
            throw new MagicUsageException("%timeit needs a statement, e.g. %timeit sorted(data)");
        }
        return outcome(time(parsed, parsed.rest(), "", context));
    }

    @Override
    public CellResult run(String args, String body, MagicContext context) {
        MagicArgs parsed = MagicArgs.parse(args, WITH_VALUE, FLAGS);
        if (body.isBlank()) {
            throw new MagicUsageException("%%timeit needs a statement in the cell body");
        }
        time(parsed, body, parsed.rest(), context);
        return new CellResult.Ok(Optional.empty());
    }

    private static GuestValue time(MagicArgs args, String statement, String setup, MagicContext context) {
        int number = args.intOption("n", 0);
        int repeat = args.intOption("r", 7);
        if (repeat < 1) {
            throw new MagicUsageException("-r needs at least 1 run");
        }
        return context.python().call("magic_timeit", statement, setup, number, repeat, args.flag("q"), args.flag("o"));
    }

    private static Outcome outcome(GuestValue value) {
        return value.isNone() ? new Outcome.None() : new Outcome.Value(value);
    }
}
