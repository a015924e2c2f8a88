package dev.pymastery.tests.containers;

import dev.pymastery.testkit.ContainerEngine;
import dev.pymastery.testkit.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Restarts the Podman service .ci/podman.sh started (found by the pid file it writes). */
final class PodmanService {
    private PodmanService() {}

    static void restart() throws Exception {
        Path pidFile = ContainerEngine.socket().resolveSibling("service.pid");
        Path script = Path.of(System.getProperty("pymastery.podman.script", "../.ci/podman.sh"));
        if (Files.notExists(pidFile) || Files.notExists(script)) {
            String message = "restarting the engine needs the service .ci/podman.sh started (" + pidFile + ")";
            if (Prerequisites.ci()) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle service = ProcessHandle.of(pid)
                .filter(p -> p.info().commandLine().orElse("").contains("system service"))
                .orElseThrow(() -> new IllegalStateException(
                        "pid " + pid + " in " + pidFile + " is not a running Podman service; run .ci/podman.sh"));
        service.destroy();
        service.onExit().get(10, TimeUnit.SECONDS);
        Process setup = new ProcessBuilder(script.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!setup.waitFor(120, TimeUnit.SECONDS) || setup.exitValue() != 0) {
            throw new IllegalStateException(".ci/podman.sh failed to start the service again");
        }
    }
}
