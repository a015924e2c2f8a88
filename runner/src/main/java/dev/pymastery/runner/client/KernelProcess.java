package dev.pymastery.runner.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's operating-system process: started from the kernelspec's argv in the notebook's
 * folder, stdout and stderr going to a log file whose tail explains a failure.
 */
final class KernelProcess {
    private static final System.Logger LOG = System.getLogger(KernelProcess.class.getName());

    private final Process process;
    private final Path log;

    private KernelProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static KernelProcess start(List<String> command, Map<String, String> env, Path workingDirectory, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        // As jupyter_client sets it: ipykernel exits by itself when this process is gone.
        builder.environment()
                .put("JPY_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // a kernel reads stdin over the protocol, never from the pipe
            return new KernelProcess(process, log);
        } catch (IOException e) {
            throw new KernelStartException("cannot run " + command.getFirst() + ": " + e.getMessage(), false);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The exit code; only once the process has ended. */
    int exitCode() {
        return process.exitValue();
    }

    /** SIGINT, as Jupyter interrupts kernels whose interrupt mode is "signal". */
    void sendInterruptSignal() {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIGINT to the kernel", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code grace} for the process to end by itself, then terminates it and its children. */
    void stop(Duration grace) {
        List<ProcessHandle> children = groupDescendants();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(2, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL to the kernel and its children, without waiting. */
    void kill() {
        groupDescendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * The kernel's descendants in its process group, which is what jupyter_client stops: a process
     * that left the group on purpose (a warm spare the pymastery launcher started with setsid, to
     * serve the next kernel) is not this kernel's to kill.
     */
    private List<ProcessHandle> groupDescendants() {
        Optional<String> group = processGroup(process.pid());
        return process.descendants()
                .filter(child -> group.isEmpty() || processGroup(child.pid()).equals(group))
                .toList();
    }

    /** The process group of a Linux process (field 5 of /proc/PID/stat); empty where unknown. */
    static Optional<String> processGroup(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(fields[2]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The last {@code lines} lines the kernel wrote, for error messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.DEBUG, "cannot read kernel log " + log, e);
            return "";
        }
    }

    /** The log's last lines under a heading, for appending to a message; empty without a log. */
    String logSection(int lines) {
        String tail = logTail(lines);
        return tail.isBlank() ? "" : "\n--- kernel log (last lines) ---\n" + tail;
    }
}
