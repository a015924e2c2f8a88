package dev.pymastery.kernel;

import dev.pymastery.kernel.pool.PoolDirectory;
import dev.pymastery.kernel.pool.PoolSettings;
import dev.pymastery.kernel.pool.Spare;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A warm kernel process in the pool: {@code SpareMain POOL_DIR [JVM_ARGS_FILE]}. Started by a launcher; waits for
 * claims until idle for {@code PYMASTERY_SPARE_IDLE_SECONDS} (default 1800) or until its
 * installation is removed.
 */
public final class SpareMain {
    private SpareMain() {}

    public static void main(String[] args) throws Exception {
        Logging.configure();
        OutOfMemoryPolicy.install();
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SpareMain POOL_DIR [JVM_ARGS_FILE] (started by the kernel launcher)");
            System.exit(2);
        }
        PoolSettings settings = PoolSettings.fromEnvironment();
        KernelProcess process = KernelProcess.prepare(KernelSettings.fromEnvironment());
        PoolDirectory pool = PoolDirectory.at(Path.of(args[0]));
        Stream.of(args).skip(1).map(Path::of).forEach(pool::register);
        new Spare(pool, process, settings.spareIdle(), settings.poolSize(), Spare.whileInstalled(SpareMain.class, pool))
                .serve();
        process.close();
        Runtime.getRuntime().halt(0);
    }
}
