package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import java.util.Optional;

/**
 * {@code %cpython CODE}: one line in the stock runtime's session. Its value is shown below the
 * cell; an exception there is printed as CPython prints it and stops the GraalPy cell.
 */
final class CPythonLineMagic implements LineMagic {
    private final CPythonRuntimes runtimes;

    CPythonLineMagic(CPythonRuntimes runtimes) {
        this.runtimes = runtimes;
    }

    @Override
    public String name() {
        return "cpython";
    }

    @Override
    public String help() {
        return "%cpython CODE: run one line in the stock CPython runtime (%%cpython NAME for a whole cell elsewhere)";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        if (args.isBlank()) {
            throw new MagicUsageException("%cpython needs code, e.g. %cpython import sys; sys.version");
        }
        try {
            CellResult result = context.runIn(runtimes.runtime("stock"), context.cell(args));
            return switch (result) {
                case CellResult.Ok ok -> {
                    ok.value().ifPresent(bundle -> context.output().display(bundle, Optional.empty(), false));
                    yield new Outcome.None();
                }
                case CellResult.Failed failed -> {
                    context.output().stream(
                            "stderr", String.join("\n", failed.error().traceback()) + "\n");
                    yield new Outcome.Failed(
                            "the %cpython line raised " + failed.error().ename()
                                    + (failed.error().evalue().isEmpty()
                                            ? ""
                                            : ": " + failed.error().evalue()));
                }
            };
        } catch (RuntimeUnavailableException e) {
            return new Outcome.Failed(e.getMessage());
        }
    }
}
