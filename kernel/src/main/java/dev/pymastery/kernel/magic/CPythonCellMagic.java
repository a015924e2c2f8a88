package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.container.CPythonRuntime;
import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import java.util.Optional;

/**
 * {@code %%cpython [RUNTIME] [--in a,b] [--out c] [--timeout S] [--fresh]}: the cell body runs in a
 * CPython runtime's session ({@code stock} by default); {@code %%ft} and {@code %%cuda} are the
 * same with their runtime fixed. Never waits for GraalPy unless values travel.
 *
 * @param fixedRuntime the runtime of {@code %%ft} and {@code %%cuda}; empty for {@code %%cpython}
 */
record CPythonCellMagic(
        String name, Optional<String> fixedRuntime, String help, CPythonRuntimes runtimes, ValueCopier values)
        implements CellMagic {
    @Override
    public CellResult run(String args, String body, MagicContext context) {
        CPythonArgs parsed = CPythonArgs.parse(args, name, fixedRuntime.isEmpty());
        CPythonRuntime runtime =
                runtimes.runtime(fixedRuntime.or(parsed::runtime).orElse("stock"));
        if (parsed.fresh()) {
            runtime.stop();
        }
        if (!parsed.in().isEmpty()) {
            Optional<ErrorInfo> problem = values.intoRuntime(parsed.in(), runtime, context);
            if (problem.isPresent()) {
                return new CellResult.Failed(problem.get());
            }
        }
        CellResult result = context.runIn(runtime.withTimeout(parsed.timeout()), context.cell(body));
        if (result instanceof CellResult.Ok && !parsed.out().isEmpty()) {
            Optional<ErrorInfo> problem = values.fromRuntime(parsed.out(), runtime, context);
            if (problem.isPresent()) {
                return new CellResult.Failed(problem.get());
            }
        }
        return result;
    }
}
