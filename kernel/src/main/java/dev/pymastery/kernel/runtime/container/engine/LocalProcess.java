package dev.pymastery.kernel.runtime.container.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** An agent in a local interpreter process. */
final class LocalProcess implements AgentProcess {
    private final Process process;
    private final BoundedText stderr = new BoundedText();

    LocalProcess(Process process) {
        this.process = process;
        Thread drain = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try (InputStream err = process.getErrorStream()) {
                        int n;
                        while ((n = err.read(buffer)) >= 0) {
                            stderr.append(java.util.Arrays.copyOf(buffer, n));
                        }
                    } catch (IOException e) {
                        // the process is gone
                    }
                },
                "agent-stderr-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    @Override
    public String id() {
        return "pid " + process.pid();
    }

    @Override
    public InputStream output() {
        return process.getInputStream();
    }

    @Override
    public OutputStream input() {
        return process.getOutputStream();
    }

    @Override
    public String diagnostics() {
        return stderr.toString();
    }

    @Override
    public ExitStatus awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return ExitStatus.unknown("the process still runs, but its output closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.unknown("");
        }
        return new ExitStatus(OptionalInt.of(process.exitValue()), false, "");
    }

    @Override
    public void stop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
