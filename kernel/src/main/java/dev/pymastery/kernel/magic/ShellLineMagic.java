package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.runtime.GuestValue;

/**
 * A line magic done by a method of the kernel's Python shell (the ones that touch the namespace,
 * the working directory or the environment of the guest).
 *
 * @param method the shell's method
 * @param takesArgs whether the method gets the magic's arguments; else any is a usage error
 */
record ShellLineMagic(String name, String help, String method, boolean takesArgs) implements LineMagic {
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
