package dev.pymastery.runner.client;

import dev.pymastery.wire.Channel;
import dev.pymastery.wire.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectMapper;

/**
 * A started kernel and the connection to it. Runs one cell at a time under the configured
 * timeouts; a timeout interrupts the kernel (by message or signal, as its kernelspec says) and the
 * session stays usable when the interrupt worked. Not thread-safe: one notebook, one thread.
 */
public final class KernelSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KernelSession.class.getName());
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final KernelSpec spec;
    private final KernelProcess process;
    private final KernelChannels channels;
    private final Heartbeat heartbeat;
    private final Requests requests;
    private final ObjectMapper json;
    private final Path connectionFile;
    private final Consumer<KernelSession> onClose;
    private volatile String lost;

    KernelSession(
            KernelSpec spec,
            KernelProcess process,
            KernelChannels channels,
            Heartbeat heartbeat,
            ObjectMapper json,
            Path connectionFile,
            Consumer<KernelSession> onClose) {
        this.spec = spec;
        this.process = process;
        this.channels = channels;
        this.heartbeat = heartbeat;
        this.requests = new Requests(json);
        this.json = json;
        this.connectionFile = connectionFile;
        this.onClose = onClose;
    }

    public KernelSpec spec() {
        return spec;
    }

    /** Why the kernel can no longer run cells; empty while it can. */
    public Optional<String> lost() {
        if (lost == null) {
            death().ifPresent(reason -> lost = reason);
        }
        return Optional.ofNullable(lost);
    }

    /** Runs {@code code} as a notebook cell and waits for it under {@code timeouts}. */
    public CellRun execute(String code, Timeouts timeouts) {
        return execute(code, Optional.empty(), timeouts);
    }

    /** The same, naming the notebook cell ({@code metadata.cellId}, as JupyterLab sends it). */
    public CellRun execute(String code, Optional<String> cellId, Timeouts timeouts) {
        if (lost().isPresent()) {
            return new CellRun.KernelDied(List.of(), lost);
        }
        Message request = requests.execute(code, false, cellId);
        channels.send(Channel.SHELL, request);
        PendingExecution pending = new PendingExecution(request.id(), json);
        long deadline = System.nanoTime() + timeouts.cell().toNanos();
        return switch (await(pending, deadline, timeouts.outputGap())) {
            case DONE ->
                new CellRun.Completed(
                        pending.outputs().outputs(), pending.outputs().executionCount(), pending.status());
            case DIED -> new CellRun.KernelDied(pending.outputs().outputs(), lost);
            case CELL_LIMIT ->
                stopAfterTimeout(
                        pending,
                        "Cell timeout: the cell ran longer than " + Timeouts.seconds(timeouts.cell()),
                        timeouts);
            case GAP_LIMIT ->
                stopAfterTimeout(
                        pending,
                        "Output timeout: the cell sent nothing for "
                                + Timeouts.seconds(timeouts.outputGap().orElseThrow()),
                        timeouts);
        };
    }

    /** Interrupts the timed-out cell; gives the kernel up if the cell does not stop within the grace. */
    private CellRun stopAfterTimeout(PendingExecution pending, String limit, Timeouts timeouts) {
        interrupt();
        long graceEnd = System.nanoTime() + timeouts.interruptGrace().toNanos();
        if (await(pending, graceEnd, Optional.empty()) == Wait.DONE) {
            return new CellRun.TimedOut(
                    pending.outputs().outputs(), limit + "; the kernel was interrupted and the run goes on", true);
        }
        giveUp("the kernel did not stop within " + Timeouts.seconds(timeouts.interruptGrace())
                + " of an interrupt after a timeout, so it was stopped");
        return new CellRun.TimedOut(pending.outputs().outputs(), limit + "; " + lost, false);
    }

    /** Asks the kernel to stop the running cell. */
    public void interrupt() {
        switch (spec.interruptMode()) {
            case MESSAGE -> channels.send(Channel.CONTROL, requests.interrupt());
            case SIGNAL -> process.sendInterruptSignal();
        }
    }

    /** Completes the start: the handshake, then heartbeat monitoring. */
    void awaitReady(Timeouts timeouts) {
        new StartHandshake(spec, process, channels, requests, json).await(timeouts);
        heartbeat.start();
    }

    private enum Wait {
        DONE,
        CELL_LIMIT,
        GAP_LIMIT,
        DIED
    }

    /** Waits until the request has replied and gone idle, the kernel dies, or a limit passes. */
    private Wait await(PendingExecution pending, long deadline, Optional<Duration> gap) {
        while (!pending.done()) {
            if (lost().isPresent()) {
                giveUp(lost);
                return Wait.DIED;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                return Wait.CELL_LIMIT;
            }
            if (gap.isPresent() && now - pending.lastActivityNanos() > gap.get().toNanos()) {
                return Wait.GAP_LIMIT;
            }
            channels.next(TICK).ifPresent(pending::accept);
        }
        return Wait.DONE;
    }

    private Optional<String> death() {
        if (!process.alive()) {
            return Optional.of("the kernel process exited with code " + process.exitCode() + process.logSection(15));
        }
        return heartbeat.failure();
    }

    private void giveUp(String reason) {
        lost = reason;
        process.stop(Duration.ZERO);
    }

    /** Kills the kernel process at once; safe from any thread (it touches no socket). */
    void kill() {
        lost = "killed";
        process.kill();
    }

    /** Stops a kernel that failed to become ready: no shutdown request, no grace. */
    void abort() {
        lost = "aborted";
        close();
    }

    /**
     * Shuts the kernel down (shutdown_request, then terminate if it lingers) and closes the sockets.
     * Never throws: the notebook's results are in by now.
     */
    @Override
    public void close() {
        heartbeat.close();
        try {
            if (lost == null && process.alive()) {
                channels.send(Channel.CONTROL, requests.shutdown());
                process.stop(SHUTDOWN_GRACE);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not ask kernel " + spec.name() + " to shut down: " + e);
        } finally {
            process.stop(Duration.ZERO);
            try {
                channels.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the sockets of kernel " + spec.name(), e);
            }
            onClose.accept(this);
        }
        try {
            Files.deleteIfExists(connectionFile);
        } catch (IOException e) {
            // the run's runtime folder is removed at the end anyway
        }
    }
}
