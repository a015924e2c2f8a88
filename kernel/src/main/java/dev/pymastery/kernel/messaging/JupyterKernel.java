package dev.pymastery.kernel.messaging;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.GuestExitException;
import dev.pymastery.kernel.interpreter.ExecuteOutcome;
import dev.pymastery.kernel.interpreter.ExecuteRequest;
import dev.pymastery.kernel.interpreter.Interpreter;
import dev.pymastery.wire.Channel;
import dev.pymastery.wire.ConnectionInfo;
import dev.pymastery.wire.Message;
import dev.pymastery.wire.Signer;
import dev.pymastery.wire.WireCodec;
import java.lang.System.Logger.Level;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks the Jupyter protocol for an {@link Interpreter}. Shell requests run one at a time, in
 * order, on the shell thread. On control, interrupt, shutdown and kernel_info are served at once
 * on a thread of their own; other control requests (completion, inspection: they wait for the
 * interpreter) go to a second thread, so a busy interpreter never keeps an interrupt waiting. Every
 * request is bracketed by busy and idle, and idle is sent whatever happens.
 */
public final class JupyterKernel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JupyterKernel.class.getName());

    private final Interpreter interpreter;
    private final KernelSockets sockets;
    private final Publisher publisher;
    private final StdinBroker stdin = new StdinBroker();
    private final LinkedBlockingDeque<Message> shellQueue = new LinkedBlockingDeque<>();
    private final ExecutorService control = Executors.newSingleThreadExecutor(daemon("jupyter-control"));
    private final ExecutorService controlWork = Executors.newSingleThreadExecutor(daemon("jupyter-control-work"));
    private final WarningLimiter warnings = new WarningLimiter(LOG);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("stream-flush"));
    private final CompletableFuture<Ending> ended = new CompletableFuture<>();
    private final Thread shellThread;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int exitStatus;
    /** When the last request on any channel finished ({@link System#nanoTime()}), for {@link #onQuiet}. */
    private volatile long lastActivity = System.nanoTime();
    /** Requests being served now: a long cell is not a quiet kernel. */
    private final java.util.concurrent.atomic.AtomicInteger serving = new java.util.concurrent.atomic.AtomicInteger();

    private JupyterKernel(ConnectionInfo info, Interpreter interpreter, ObjectMapper json) {
        this.interpreter = interpreter;
        Envelopes envelopes = new Envelopes(json);
        WireCodec codec = new WireCodec(json, Signer.of(info.signatureScheme(), info.key()));
        this.sockets = new KernelSockets(info, codec, this::received);
        this.publisher = new Publisher(envelopes, sockets);
        this.shellThread = new Thread(this::serveShell, "jupyter-shell");
        shellThread.setDaemon(true);
    }

    /** Binds the sockets and starts serving; kernel_info is answered from this moment on. */
    public static JupyterKernel start(ConnectionInfo info, Interpreter interpreter, ObjectMapper json) {
        JupyterKernel kernel = new JupyterKernel(info, interpreter, json);
        kernel.sockets.start();
        kernel.shellThread.start();
        kernel.publisher.status(null, "starting");
        return kernel;
    }

    /** Completes when the kernel should stop: a client asked, or {@link #stop()} was called. */
    public CompletableFuture<Ending> ended() {
        return ended;
    }

    /** The status the process should exit with: the cell's {@code os._exit} status after {@link Ending#EXITED}. */
    public int exitStatus() {
        return exitStatus;
    }

    /** Stops serving as if the process were terminated (the launcher went away). */
    public void stop() {
        interruptCell();
        ended.complete(Ending.STOPPED);
    }

    /** Interrupts the running cell, as interrupt_request does (for a SIGINT sent to the launcher). */
    public void interrupt() {
        interruptCell();
    }

    /**
     * A cell waiting in {@code input()} is woken there (it raises KeyboardInterrupt from the call);
     * only a cell that is running is interrupted in the interpreter.
     */
    private void interruptCell() {
        if (!stdin.interrupt()) {
            interpreter.interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    // Called on the socket thread: hand off, never block.
    private void received(Channel channel, Message message) {
        switch (channel) {
            case SHELL -> shellQueue.add(message);
            case CONTROL -> {
                ExecutorService target = IMMEDIATE_ON_CONTROL.contains(message.type()) ? control : controlWork;
                try {
                    target.execute(() -> serve(Channel.CONTROL, message));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // The session is closing (a client that interrupts, then kills, as nbval does).
                    LOG.log(Level.DEBUG, message.type() + " on control after the session ended; dropped");
                }
            }
            case STDIN -> {
                if (message.type().equals("input_reply")) {
                    stdin.answered(message.content().path("value").asString(""));
                } else {
                    warnings.warn(
                            "stdin:" + kind(message.type()),
                            "unexpected " + kind(message.type()) + " on stdin; dropped");
                }
            }
            case IOPUB -> warnings.warn("iopub", "message on IOPub; dropped");
        }
    }

    /** Control requests that never wait for the interpreter, served on the control thread itself. */
    private static final java.util.Set<String> IMMEDIATE_ON_CONTROL =
            java.util.Set.of("interrupt_request", "shutdown_request", "kernel_info_request");

    /** Shell requests received and not yet taken up (tests use it to order a race). */
    int queuedShellRequests() {
        return shellQueue.size();
    }

    private void serveShell() {
        while (true) {
            Message request;
            try {
                request = shellQueue.take();
            } catch (InterruptedException e) {
                return;
            }
            serve(Channel.SHELL, request);
        }
    }

    private void serve(Channel channel, Message request) {
        serving.incrementAndGet();
        publisher.status(request, "busy");
        try {
            handle(channel, request);
        } catch (BadRequestException e) {
            warnings.warn("bad:" + kind(request.type()), "bad " + request.type() + ": " + e.getMessage());
            replyError(channel, request, e);
        } catch (Throwable t) {
            if (closed.get()) {
                // Requests still queued when the session closes fail as it goes: nobody waits for them.
                LOG.log(Level.DEBUG, request.type() + " failed while the session closed", t);
                return;
            }
            LOG.log(Level.ERROR, "failed to handle " + request.type(), t);
            replyError(channel, request, t);
        } finally {
            publisher.status(request, "idle");
            lastActivity = System.nanoTime();
            serving.decrementAndGet();
        }
    }

    /**
     * Runs {@code action} on the kernel's timer once each time no request has been served for
     * {@code quiet} (the learner went away: the kernel gives memory back). A zero duration turns it off.
     */
    public void onQuiet(java.time.Duration quiet, Runnable action) {
        if (quiet.isZero() || quiet.isNegative()) {
            return;
        }
        long period = Math.max(1, Math.min(quiet.toMillis() / 4, 10_000));
        long[] ranFor = {-1};
        timer.scheduleWithFixedDelay(
                () -> {
                    long last = lastActivity;
                    if (serving.get() == 0 && last != ranFor[0] && System.nanoTime() - last >= quiet.toNanos()) {
                        ranFor[0] = last;
                        try {
                            action.run();
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "the quiet-time action failed", e);
                        }
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
    }

    private void handle(Channel channel, Message request) {
        ObjectNode content = publisher.envelopes().content();
        switch (request.type()) {
            case "execute_request" -> execute(channel, request);
            case "kernel_info_request" ->
                reply(channel, request, "kernel_info_reply", Protocol.kernelInfo(content, interpreter.info()));
            case "complete_request" ->
                reply(
                        channel,
                        request,
                        "complete_reply",
                        Protocol.completion(
                                content,
                                interpreter.complete(
                                        code(request),
                                        request.content().path("cursor_pos").asInt(Integer.MAX_VALUE))));
            case "inspect_request" ->
                reply(
                        channel,
                        request,
                        "inspect_reply",
                        Protocol.inspection(
                                content,
                                interpreter.inspect(
                                        code(request),
                                        request.content().path("cursor_pos").asInt(Integer.MAX_VALUE),
                                        request.content().path("detail_level").asInt(0))));
            case "is_complete_request" ->
                reply(
                        channel,
                        request,
                        "is_complete_reply",
                        Protocol.completeness(content, interpreter.isComplete(code(request))));
            case "history_request" -> {
                boolean output = request.content().path("output").asBoolean(false);
                reply(
                        channel,
                        request,
                        "history_reply",
                        Protocol.history(
                                content,
                                interpreter.history(Protocol.historyQuery(request.content()), output),
                                output));
            }
            case "comm_info_request" -> {
                content.put("status", "ok");
                ObjectNode comms = content.putObject("comms");
                JsonNode target = request.content().path("target_name");
                interpreter
                        .comms(target.isString() ? Optional.of(target.asString()) : Optional.empty())
                        .forEach((id, name) -> comms.putObject(id).put("target_name", name));
                reply(channel, request, "comm_info_reply", content);
            }
            case "comm_open", "comm_msg", "comm_close" -> comm(request);
            case "interrupt_request" -> {
                interruptCell();
                content.put("status", "ok");
                reply(channel, request, "interrupt_reply", content);
            }
            case "shutdown_request" -> shutdown(channel, request);
            default ->
                // As ipykernel: busy and idle, no reply, a line in the log.
                warnings.warn(
                        "unknown:" + kind(request.type()),
                        "unknown message type " + kind(request.type()) + "; ignored");
        }
    }

    /** A message type as a warning's kind: wire text, so cut short. */
    private static String kind(String type) {
        return type.length() <= 40 ? type : type.substring(0, 40) + "...";
    }

    private static String code(Message request) {
        return request.content().path("code").asString("");
    }

    private void reply(Channel channel, Message request, String type, ObjectNode content) {
        publisher.reply(channel, request, type, content);
    }

    /**
     * Answers a request the kernel could not serve, with the error in Python's terms: a request
     * whose content is wrong is the client's {@link BadRequestException} (its Python name and
     * message); anything else failed inside the kernel and says so. A failed execute_request also
     * shows the error in the notebook (IOPub) and keeps its execution count, as a failed cell does.
     */
    private void replyError(Channel channel, Message request, Throwable error) {
        if (!request.type().endsWith("_request")) {
            return;
        }
        ErrorInfo info = error instanceof BadRequestException bad
                ? ErrorInfo.of(bad.ename(), bad.getMessage())
                : ErrorInfo.of(
                        "RuntimeError",
                        "the kernel failed to answer " + request.type() + " (" + error
                                + "); the kernel log has the details. The namespace is intact; if this"
                                + " repeats, restart the kernel.");
        String type = request.type().substring(0, request.type().length() - "_request".length()) + "_reply";
        ObjectNode content = publisher.envelopes().content();
        content.put("status", "error");
        if (request.type().equals("execute_request")) {
            content.put("execution_count", interpreter.executionCount());
            publisher.publish(
                    request, "error", Protocol.error(publisher.envelopes().content(), info));
        }
        Protocol.error(content, info);
        if (request.type().equals("execute_request")) {
            content.putObject("user_expressions");
            content.putArray("payload");
        }
        reply(channel, request, type, content);
    }

    /**
     * A comm message for the comm manager in the guest, whose handlers' output (prints, displays,
     * the comm messages they send) is parented to it. A comm_open to a target nobody registered is
     * answered with comm_close, as ipykernel does.
     */
    private void comm(Message request) {
        if (!request.content().path("comm_id").isString()) {
            throw new BadRequestException("KeyError", request.type() + " needs a string 'comm_id'");
        }
        ObjectNode message = publisher.envelopes().content();
        message.set("header", request.header());
        message.set("parent_header", request.parentHeader());
        message.set("metadata", request.metadata());
        message.set("content", request.content());
        ArrayNode buffers = message.putArray("buffers");
        request.buffers().forEach(b -> buffers.add(java.util.Base64.getEncoder().encodeToString(b)));
        RequestOutput output = new RequestOutput(publisher, stdin, timer, request, false, false);
        try {
            interpreter.comm(message.toString(), output);
        } finally {
            output.flush();
        }
    }

    private void execute(Channel channel, Message request) {
        ExecuteRequest cell = Protocol.executeRequest(request.content(), request.metadata());
        boolean stopOnError = request.content().path("stop_on_error").asBoolean(true);
        RequestOutput output = new RequestOutput(publisher, stdin, timer, request, cell.silent(), cell.allowStdin());
        ExecuteOutcome outcome;
        try {
            outcome = interpreter.execute(cell, output);
        } catch (GuestExitException exit) {
            // os._exit: like a Python process, end without a reply; Jupyter sees the kernel die.
            output.flush();
            LOG.log(Level.INFO, exit.getMessage() + "; the kernel process ends");
            exitStatus = exit.status();
            ended.complete(Ending.EXITED);
            return;
        } finally {
            output.flush();
        }
        ObjectNode content = publisher.envelopes().content();
        content.put("execution_count", outcome.executionCount());
        ArrayNode payload;
        switch (outcome) {
            case ExecuteOutcome.Completed done -> {
                content.put("status", "ok");
                Protocol.userExpressions(content.putObject("user_expressions"), done.userExpressions());
                payload = content.putArray("payload");
            }
            case ExecuteOutcome.Failed failed -> {
                content.put("status", "error");
                Protocol.error(content, failed.error());
                content.putObject("user_expressions");
                payload = content.putArray("payload");
            }
        }
        output.payloads().forEach(payload::add);
        Optional<Boolean> exit = output.exitAsked();
        exit.ifPresent(keep -> payload.addObject().put("source", "ask_exit").put("keepkernel", keep));
        reply(channel, request, "execute_reply", content);
        if (exit.isPresent() && !exit.get()) {
            // exit() / quit(): the session ends cleanly after its reply, as ipykernel's does.
            LOG.log(Level.INFO, "the cell called exit(); the session ends");
            ended.complete(Ending.SHUTDOWN);
            return;
        }
        if (outcome instanceof ExecuteOutcome.Failed && stopOnError) {
            abortQueuedExecutions();
        }
    }

    /** After an error, execute requests already sent are answered "aborted" and not run. */
    private void abortQueuedExecutions() {
        try {
            sockets.sync().get(1, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.log(Level.DEBUG, "socket sync before abort", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Iterator<Message> it = shellQueue.iterator(); it.hasNext(); ) {
            Message queued = it.next();
            if (queued.type().equals("execute_request")) {
                it.remove();
                publisher.status(queued, "busy");
                ObjectNode content = publisher.envelopes().content();
                content.put("status", "aborted");
                publisher.reply(Channel.SHELL, queued, "execute_reply", content);
                publisher.status(queued, "idle");
            }
        }
    }

    private void shutdown(Channel channel, Message request) {
        boolean restart = request.content().path("restart").asBoolean(false);
        interruptCell();
        ObjectNode content = publisher.envelopes().content();
        content.put("status", "ok");
        content.put("restart", restart);
        reply(channel, request, "shutdown_reply", content);
        publisher.publish(request, "shutdown_reply", content.deepCopy());
        ended.complete(restart ? Ending.RESTART : Ending.SHUTDOWN);
    }

    /** Ends the session's interpreter work and closes the sockets after sending what is queued. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            interpreter.shutdown();
        } finally {
            timer.shutdownNow();
            control.shutdownNow();
            controlWork.shutdownNow();
            warnings.summarize();
            shellThread.interrupt();
            sockets.close();
        }
    }
}
