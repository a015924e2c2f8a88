package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.container.CPythonRuntime;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;

/** {@code %runtime restart|stop NAME}: a fresh session now, or none until the next cell. */
final class RuntimeMagic implements LineMagic {
    private final CPythonRuntimes runtimes;

    RuntimeMagic(CPythonRuntimes runtimes) {
        this.runtimes = runtimes;
    }

    @Override
    public String name() {
        return "runtime";
    }

    @Override
    public String help() {
        return "%runtime restart|stop NAME: restart a CPython runtime's session, or stop it (NAME all stops every one)";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        String[] words = args.strip().split("\\s+");
        if (words.length != 2 || !(words[0].equals("restart") || words[0].equals("stop"))) {
            throw new MagicUsageException("usage: %runtime restart NAME or %runtime stop NAME; the names are "
                    + String.join(", ", runtimes.names()));
        }
        try {
            if (words[0].equals("stop")) {
                if (words[1].equals("all")) {
                    runtimes.names().forEach(name -> runtimes.runtime(name).stop());
                    context.print("Stopped every CPython runtime.");
                } else {
                    runtimes.runtime(words[1]).stop();
                    context.print("Stopped " + words[1] + "; its next cell starts a fresh session.");
                }
            } else {
                CPythonRuntime runtime = runtimes.runtime(words[1]);
                context.print("Restarted " + words[1] + ": " + runtime.restart(context.output()) + ".");
            }
            return new Outcome.None();
        } catch (RuntimeUnavailableException e) {
            return new Outcome.Failed(e.getMessage());
        }
    }
}
