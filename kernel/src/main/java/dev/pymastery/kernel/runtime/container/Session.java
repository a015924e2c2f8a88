package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.InputInterruptedException;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.cell.StdinUnavailableException;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.container.engine.AgentProcess;
import dev.pymastery.kernel.runtime.container.engine.ExitStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One live agent: the protocol of {@code pymastery_agent.py} over its process's stdio. A reader
 * thread sends streams and displays to the current cell's output as they arrive (a thread the
 * cell started may print after it ends: that text goes to the last cell's output, as in
 * ipykernel); replies wait in a queue for the caller. One caller at a time; {@link #interrupt}
 * and {@link #close} from any thread.
 */
final class Session implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Session.class.getName());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode END = NODES.objectNode().put("ev", "end");
    /** A second interrupt this long after the first stops the session: the cell ignores them. */
    static final Duration ESCALATE_AFTER = Duration.ofSeconds(2);
    /** How long a cell past its --timeout has to stop after being interrupted. */
    static final Duration TIMEOUT_GRACE = Duration.ofSeconds(2);

    /** What the agent said about its interpreter when it started. */
    record Hello(String python, String implementation, String executable, boolean gil, boolean freeThreadingBuild) {
        String describe() {
            return implementation + " " + python;
        }
    }

    private final AgentProcess process;
    private final ObjectMapper json;
    private final OutputStream input;
    private final Object writeLock = new Object();
    private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
    private final AtomicReference<CellOutput> output = new AtomicReference<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean ended;
    private volatile String stopReason;
    private volatile boolean busy;
    private volatile long firstInterrupt;
    private volatile boolean gil;
    private Hello hello;
    private int cells;

    private final Function<ExitStatus, String> describeExit;

    private Session(AgentProcess process, ObjectMapper json, Function<ExitStatus, String> describeExit) {
        this.process = process;
        this.json = json;
        this.describeExit = describeExit;
        this.input = process.input();
    }

    /**
     * Sends the agent to the interpreter and waits for its hello.
     *
     * @throws SessionEndedException when the interpreter exits or stays silent
     */
    static Session start(
            AgentProcess process,
            AgentSource agent,
            ObjectMapper json,
            Duration timeout,
            Function<ExitStatus, String> describeExit) {
        Session session = new Session(process, json, describeExit);
        Thread reader = new Thread(session::readEvents, "agent-" + process.id());
        reader.setDaemon(true);
        reader.start();
        try {
            session.write(agent.payload());
            JsonNode hello = session.replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (hello == null) {
                session.stop("the interpreter did not answer within " + timeout.toSeconds() + " s");
                throw new SessionEndedException(session.stopReason);
            }
            if (hello == END) {
                throw new SessionEndedException(session.startFailure());
            }
            session.hello = new Hello(
                    hello.path("python").asString("?"),
                    hello.path("implementation").asString("Python"),
                    hello.path("executable").asString("?"),
                    hello.path("gil").asBoolean(true),
                    hello.path("free_threading_build").asBoolean(false));
            session.gil = session.hello.gil();
            return session;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.stop("the kernel was interrupted while the session started");
            throw new SessionEndedException(session.stopReason);
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
    }

    private String startFailure() {
        String said = process.diagnostics().strip();
        String how = describeExit.apply(process.awaitExit(Duration.ofSeconds(2)));
        return "the interpreter ended as it started: " + how + (said.isEmpty() ? "" : "; it said:\n" + said);
    }

    Hello hello() {
        return hello;
    }

    /** Whether the interpreter has the GIL now (an extension module may turn it back on). */
    boolean gil() {
        return gil;
    }

    int cells() {
        return cells;
    }

    boolean ended() {
        return ended;
    }

    String id() {
        return process.id();
    }

    private void readEvents() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.output(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("{")) {
                    LOG.log(System.Logger.Level.DEBUG, "agent " + process.id() + " printed: " + line);
                    continue;
                }
                dispatch(json.readTree(line));
            }
        } catch (IOException | JacksonException e) {
            if (!ended && stopReason == null) {
                LOG.log(System.Logger.Level.DEBUG, "agent stream of " + process.id() + " ended", e);
            }
        } finally {
            ended = true;
            replies.add(END);
        }
    }

    private void dispatch(JsonNode event) {
        CellOutput out = output.get();
        switch (event.path("ev").asString("")) {
            case "stream" -> {
                if (out != null) {
                    out.stream(
                            event.path("name").asString("stdout"),
                            event.path("text").asString(""));
                }
            }
            case "display" -> {
                if (out != null
                        && event.path("data").isObject()
                        && !event.path("data").isEmpty()) {
                    JsonNode metadata = event.path("metadata");
                    out.display(
                            new MimeBundle(
                                    (ObjectNode) event.get("data"),
                                    metadata.isObject() ? (ObjectNode) metadata : NODES.objectNode()),
                            Optional.ofNullable(event.path("display_id").asString(null)),
                            event.path("update").asBoolean(false));
                }
            }
            case "clear" -> {
                if (out != null) {
                    out.clear(event.path("wait").asBoolean(false));
                }
            }
            default -> replies.add(event);
        }
    }

    /**
     * Runs a cell. A cell past {@code timeout} is interrupted; one that then does not stop
     * within {@link #TIMEOUT_GRACE} ends the session.
     *
     * @throws SessionEndedException when the interpreter dies while the cell runs
     */
    CellResult execute(Cell cell, CellOutput out, Optional<Duration> timeout) {
        output.set(out);
        long id = ids.incrementAndGet();
        ObjectNode message = NODES.objectNode()
                .put("op", "execute")
                .put("id", id)
                .put("code", cell.code())
                .put("name", cell.name())
                .put("count", cell.executionCount())
                .put("store", cell.storeHistory());
        firstInterrupt = 0;
        busy = true;
        cells++;
        try {
            send(message);
            long deadline = timeout.map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
            boolean timedOut = false;
            while (true) {
                JsonNode event = next(deadline);
                if (event == null) {
                    if (timedOut) {
                        stop("the cell ran past its --timeout of " + seconds(timeout.orElseThrow())
                                + " and did not stop when interrupted");
                        deadline = Long.MAX_VALUE;
                        continue;
                    }
                    timedOut = true;
                    send(NODES.objectNode().put("op", "interrupt"));
                    deadline = System.nanoTime() + TIMEOUT_GRACE.toNanos();
                    continue;
                }
                if (event == END) {
                    throw new SessionEndedException(endReason());
                }
                switch (event.path("ev").asString("")) {
                    case "input" -> answerInput(event, out);
                    case "done" -> {
                        if (event.path("id").asLong() == id) {
                            gil = event.path("gil").asBoolean(gil);
                            CellResult result = result(event);
                            return timedOut ? timedOut(result, timeout.orElseThrow()) : result;
                        }
                    }
                    default -> LOG.log(System.Logger.Level.DEBUG, "unexpected agent event " + event);
                }
            }
        } finally {
            busy = false;
        }
    }

    private JsonNode next(long deadline) {
        try {
            if (deadline == Long.MAX_VALUE) {
                return replies.take();
            }
            long left = deadline - System.nanoTime();
            return left <= 0 ? null : replies.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop("the kernel stopped waiting for the session");
            throw new SessionEndedException(stopReason);
        }
    }

    private CellResult result(JsonNode done) {
        if (done.path("status").asString("").equals("ok")) {
            JsonNode result = done.get("result");
            if (result == null || !result.path("data").isObject()) {
                return new CellResult.Ok(Optional.empty());
            }
            JsonNode metadata = result.path("metadata");
            return new CellResult.Ok(Optional.of(new MimeBundle(
                    (ObjectNode) result.get("data"),
                    metadata.isObject() ? (ObjectNode) metadata : NODES.objectNode())));
        }
        List<String> traceback = new ArrayList<>();
        done.path("traceback").forEach(line -> traceback.add(line.asString("")));
        String ename = done.path("ename").asString("Error");
        return new CellResult.Failed(new ErrorInfo(
                ename.isBlank() ? "Error" : ename, done.path("evalue").asString(""), traceback));
    }

    private static CellResult timedOut(CellResult result, Duration timeout) {
        if (!(result instanceof CellResult.Failed failed)
                || !failed.error().ename().equals("KeyboardInterrupt")) {
            return result;
        }
        String message = "the cell ran longer than its --timeout of " + seconds(timeout) + " and was interrupted";
        List<String> traceback = new ArrayList<>(failed.error().traceback());
        if (!traceback.isEmpty()) {
            traceback.remove(traceback.size() - 1);
        }
        traceback.add("TimeoutError: " + message);
        return new CellResult.Failed(new ErrorInfo("TimeoutError", message, traceback));
    }

    private static String seconds(Duration duration) {
        double value = duration.toMillis() / 1000.0;
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + " s";
    }

    private void answerInput(JsonNode request, CellOutput out) {
        ObjectNode reply = NODES.objectNode()
                .put("op", "input_reply")
                .put("id", request.path("id").asLong());
        try {
            reply.put(
                    "value",
                    out.input(
                            request.path("prompt").asString(""),
                            request.path("password").asBoolean(false)));
        } catch (StdinUnavailableException e) {
            reply.put(
                    "unavailable",
                    e.getMessage() == null
                            ? "input() is not available: this front end does not answer it"
                            : e.getMessage());
        } catch (InputInterruptedException e) {
            reply.put("interrupted", true);
        }
        send(reply);
    }

    /**
     * Sends a request other than a cell (values, GPU check) and waits for its reply.
     *
     * @throws SessionEndedException when the interpreter dies first
     */
    JsonNode request(ObjectNode message, Duration timeout) {
        long id = ids.incrementAndGet();
        message.put("id", id);
        send(message);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode event = next(deadline);
            if (event == null) {
                stop("the interpreter did not answer a " + message.path("op").asString() + " request within "
                        + seconds(timeout));
                throw new SessionEndedException(stopReason);
            }
            if (event == END) {
                throw new SessionEndedException(endReason());
            }
            if (event.path("id").asLong() == id) {
                return event;
            }
        }
    }

    /**
     * Raises KeyboardInterrupt in the running cell. A second interrupt more than {@link
     * #ESCALATE_AFTER} after the first, while the cell still runs, stops the session.
     */
    void interrupt() {
        if (!busy || ended) {
            return;
        }
        long now = System.nanoTime();
        long first = firstInterrupt;
        if (first != 0 && now - first > ESCALATE_AFTER.toNanos()) {
            stop("the cell ignored KeyboardInterrupt for " + (now - first) / 1_000_000_000 + " s, so the session"
                    + " was stopped");
            return;
        }
        if (first == 0) {
            firstInterrupt = now;
        }
        try {
            send(NODES.objectNode().put("op", "interrupt"));
        } catch (SessionEndedException e) {
            LOG.log(System.Logger.Level.DEBUG, "interrupt after the session ended", e);
        }
    }

    private String endReason() {
        if (stopReason != null) {
            return stopReason;
        }
        return describeExit.apply(process.awaitExit(Duration.ofSeconds(3)));
    }

    private void send(ObjectNode message) {
        write((json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        synchronized (writeLock) {
            try {
                input.write(bytes);
                input.flush();
            } catch (IOException e) {
                ended = true;
                throw new SessionEndedException(stopReason != null ? stopReason : endReason());
            }
        }
    }

    /** Ends the session on purpose; the reason is what the running cell, if any, reports. */
    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        process.stop();
    }

    @Override
    public void close() {
        stop("the session was stopped");
    }
}
