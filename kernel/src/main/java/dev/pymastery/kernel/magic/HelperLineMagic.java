package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.runtime.GuestValue;

/**
 * A line magic whose work is done in Python by a method of the kernel's shell (the ones that touch
 * the namespace, the working directory or the environment of the guest).
 */
final class HelperLineMagic implements LineMagic {
    private final String name;
    private final String help;
    private final String method;
    private final boolean takesArgs;

    HelperLineMagic(String name, String help, String method, boolean takesArgs) {
        this.name = name;
        this.help = help;
        this.method = method;
        this.takesArgs = takesArgs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        if (!takesArgs && !args.isBlank()) {
            throw new MagicUsageException("%" + name + " takes no arguments");
        }
        GuestValue value = takesArgs
                ? context.python().call(method, args)
                : context.python().call(method);
        return value.isNone() ? new Outcome.None() : new Outcome.Value(value);
    }
}
