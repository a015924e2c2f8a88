package dev.pymastery.kernel;

import dev.pymastery.kernel.pool.LauncherCommand;

/**
 * The kernelspec's entry point: {@code LaunchMain --jvm-args FILE CONNECTION_FILE}. Claims a warm
 * kernel process and stands in for it until it ends.
 */
public final class LaunchMain {
    private LaunchMain() {}

    public static void main(String[] args) {
        System.exit(LauncherCommand.run(args));
    }
}
