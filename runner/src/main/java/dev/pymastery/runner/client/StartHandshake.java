package dev.pymastery.runner.client;

import dev.pymastery.wire.Channel;
import dev.pymastery.wire.Message;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/**
 * The start of a kernel session, all within the kernel start timeout: kernel_info answered with
 * IOPub flowing (kernel_info is asked again each second, since the IOPub subscription takes a
 * moment to reach the kernel), then an empty silent cell run, so the first notebook cell does not
 * carry the kernel's own start-up (GraalPy's, for ours: it answers kernel_info at once and starts
 * Python in the background) and neither the cell nor the output-gap limit meets it.
 */
final class StartHandshake {
    private static final Duration TICK = Duration.ofMillis(100);

    private final KernelSpec spec;
    private final KernelProcess process;
    private final KernelChannels channels;
    private final Requests requests;
    private final ObjectMapper json;

    StartHandshake(
            KernelSpec spec, KernelProcess process, KernelChannels channels, Requests requests, ObjectMapper json) {
        this.spec = spec;
        this.process = process;
        this.channels = channels;
        this.requests = requests;
        this.json = json;
    }

    /** @throws KernelStartException when the kernel exits or a limit passes first */
    void await(Timeouts timeouts) {
        long deadline = System.nanoTime() + timeouts.kernelStart().toNanos();
        String within = " within " + Timeouts.seconds(timeouts.kernelStart()) + " (kernel start timeout)";
        Set<String> asked = new HashSet<>();
        boolean replied = false;
        boolean iopubFlowing = false;
        long nextAsk = System.nanoTime();
        while (!(replied && iopubFlowing)) {
            check(deadline, "answer kernel_info" + within);
            if (System.nanoTime() >= nextAsk) {
                Message info = requests.kernelInfo();
                asked.add(info.id());
                channels.send(Channel.SHELL, info);
                nextAsk = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            }
            Optional<Received> next = channels.next(TICK);
            if (next.isPresent() && asked.contains(next.get().parentId())) {
                replied |= next.get().channel() == Channel.SHELL;
                iopubFlowing |= next.get().channel() == Channel.IOPUB;
            }
        }
        Message warmUp = requests.execute("", true);
        channels.send(Channel.SHELL, warmUp);
        PendingExecution pending = new PendingExecution(warmUp.id(), json);
        while (!pending.replied()) {
            check(deadline, "run an empty cell" + within);
            channels.next(TICK).ifPresent(pending::accept);
        }
    }

    private void check(long deadline, String what) {
        if (!process.alive()) {
            String tail = process.logTail(30);
            boolean portTaken =
                    tail.toLowerCase(Locale.ROOT).contains("address already in use") || tail.contains("cannot bind");
            throw new KernelStartException(
                    "kernel '" + spec.name() + "' exited with code " + process.exitCode() + " before it was ready"
                            + process.logSection(30),
                    portTaken);
        }
        if (System.nanoTime() > deadline) {
            throw new KernelStartException(
                    "kernel '" + spec.name() + "' did not " + what + process.logSection(30), false);
        }
    }
}
