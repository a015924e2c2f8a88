package dev.pymastery.runner.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A kernelspec ({@code kernels/NAME/kernel.json}) as jupyter_client reads it.
 *
 * @param argv the command, with {@code {connection_file}} and {@code {resource_dir}} still in it
 * @param env variables added to the runner's environment for the kernel process
 * @param resourceDir the folder holding {@code kernel.json}
 */
public record KernelSpec(
        String name,
        String displayName,
        List<String> argv,
        Map<String, String> env,
        InterruptMode interruptMode,
        Path resourceDir) {

    public KernelSpec {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("kernelspec " + name + " has an empty argv");
        }
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** argv with the connection file and resource folder filled in. */
    public List<String> command(Path connectionFile) {
        return argv.stream()
                .map(arg -> arg.replace("{connection_file}", connectionFile.toString())
                        .replace("{resource_dir}", resourceDir.toString()))
                .toList();
    }
}
