package dev.pymastery.runner.run;

import dev.pymastery.runner.client.Timeouts;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How each notebook is run.
 *
 * @param kernel a kernelspec name that overrides the notebooks' own ({@code --kernel})
 * @param lax compare outputs only of cells marked NBVAL_CHECK_OUTPUT ({@code --lax})
 * @param keepExecuted where executed copies go ({@code --keep-executed DIR})
 * @param update store the fresh outputs in the notebooks ({@code --update})
 * @param base executed copies keep their path relative to this folder (the working directory)
 */
public record RunOptions(
        Optional<String> kernel,
        boolean lax,
        Timeouts timeouts,
        Optional<Path> keepExecuted,
        boolean update,
        Path base) {}
