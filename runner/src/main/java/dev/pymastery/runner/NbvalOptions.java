package dev.pymastery.runner;

import dev.pymastery.runner.client.Timeouts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One {@code nbval} command line, parsed. Every option is described once, in {@link
 * NbvalArguments#USAGE}.
 *
 * @param paths notebooks and folders to run
 * @param defaultPaths whether {@code paths} is the default (so a missing folder is no error)
 * @param jupyterDataDirs where kernelspecs are looked up, in order
 * @param curriculum the curriculum folder ({@code notebooks/}): notebooks under it are compared
 *     with its {@code sanitize.cfg} as well as with {@code sanitizers}
 */
public record NbvalOptions(
        List<Path> paths,
        boolean defaultPaths,
        Optional<String> kernel,
        boolean lax,
        List<Path> sanitizers,
        boolean compareImages,
        boolean compareErrorValues,
        int jobs,
        Timeouts timeouts,
        Optional<Path> junitXml,
        Optional<Path> keepExecuted,
        boolean update,
        boolean verbose,
        List<Path> jupyterDataDirs,
        Path curriculum) {

    public NbvalOptions {
        paths = List.copyOf(paths);
        sanitizers = List.copyOf(sanitizers);
        jupyterDataDirs = List.copyOf(jupyterDataDirs);
        if (jobs < 1) {
            throw new IllegalArgumentException("-j needs at least 1");
        }
    }
}
