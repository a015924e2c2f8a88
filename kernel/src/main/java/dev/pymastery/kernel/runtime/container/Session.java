package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.InputInterruptedException;
import dev.pymastery.kernel.cell.StdinUnavailableException;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.TestRun;
import dev.pymastery.kernel.runtime.container.engine.AgentProcess;
import dev.pymastery.kernel.runtime.container.engine.ExitStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One live agent and the protocol of {@code pymastery_agent.py}: cells, interrupts, input,
 * requests. One caller at a time; {@link #interrupt} and {@link #close} from any thread.
 */
final class Session implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Session.class.getName());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A second interrupt this long after the first stops the session: the cell ignores them. */
    static final Duration ESCALATE_AFTER = Duration.ofSeconds(2);
    /** How long a cell past its --timeout has to stop after being interrupted. */
    static final Duration TIMEOUT_GRACE = Duration.ofSeconds(2);
    /** How the reason for ending a session whose check would not stop begins. */
    static final String CHECK_TIMED_OUT = "the check ran past its timeout of ";

    /** What the agent said about its interpreter when it started. */
    record Hello(String python, String implementation, String executable, boolean gil, boolean freeThreadingBuild) {
        String describe() {
            return implementation + " " + python;
        }
    }

    private final AgentChannel channel;
    private final AtomicLong ids = new AtomicLong();
    private final Hello hello;
    private volatile boolean busy;
    private volatile long firstInterrupt;
    private volatile boolean gil;
    private int cells;

    private Session(AgentChannel channel, Hello hello) {
        this.channel = channel;
        this.hello = hello;
        this.gil = hello.gil();
    }

    /**
     * Sends the agent to the interpreter and waits for its hello.
     *
     * @param describeExit how a learner reads the way the process ended
     * @throws SessionEndedException when the interpreter exits or stays silent
     */
    static Session start(
            AgentProcess process,
            AgentSource agent,
            ObjectMapper json,
            Duration timeout,
            Function<ExitStatus, String> describeExit) {
        AgentChannel channel = new AgentChannel(process, json, describeExit);
        try {
            channel.write(agent.payload());
            JsonNode hello = channel.next(System.nanoTime() + timeout.toNanos());
            if (hello == null) {
                channel.stop("the interpreter did not answer within " + timeout.toSeconds() + " s");
                throw new SessionEndedException(channel.endReason());
            }
            if (AgentChannel.isEnd(hello)) {
                throw new SessionEndedException(channel.startFailure());
            }
            return new Session(
                    channel,
                    new Hello(
                            hello.path("python").asString("?"),
                            hello.path("implementation").asString("Python"),
                            hello.path("executable").asString("?"),
                            hello.path("gil").asBoolean(true),
                            hello.path("free_threading_build").asBoolean(false)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.stop("the kernel was interrupted while the session started");
            throw new SessionEndedException(channel.endReason());
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
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
        return channel.ended();
    }

    String id() {
        return channel.id();
    }

    /**
     * Runs a cell. A cell past {@code timeout} is interrupted; one that then does not stop
     * within {@link #TIMEOUT_GRACE} ends the session.
     *
     * @throws SessionEndedException when the interpreter dies while the cell runs
     */
    CellResult execute(Cell cell, CellOutput out, Optional<Duration> timeout) {
        cells++;
        Done done = run(
                NODES.objectNode()
                        .put("op", "execute")
                        .put("code", cell.code())
                        .put("name", cell.name())
                        .put("count", cell.executionCount())
                        .put("store", cell.storeHistory()),
                out,
                timeout,
                "the cell ran past its --timeout of ");
        CellResult result = AgentReplies.result(done.event());
        return done.timedOut() ? AgentReplies.timedOut(result, timeout.orElseThrow()) : result;
    }

    /**
     * Runs a lab check's hidden test against the namespace ({@code op: check}); interrupted after
     * {@code timeout}, the session ended if it then does not stop within {@link #TIMEOUT_GRACE}.
     *
     * @throws SessionEndedException when the interpreter dies (or had to be stopped) meanwhile
     */
    TestRun check(String code, String name, CellOutput out, Duration timeout) {
        Done done = run(
                NODES.objectNode().put("op", "check").put("code", code).put("name", name),
                out,
                Optional.of(timeout),
                CHECK_TIMED_OUT);
        return TestRun.fromJson(done.event().path("check"), done.timedOut(), timeout);
    }

    private record Done(JsonNode event, boolean timedOut) {}

    private Done run(ObjectNode message, CellOutput out, Optional<Duration> timeout, String timeoutReason) {
        channel.outputTo(out);
        long id = ids.incrementAndGet();
        firstInterrupt = 0;
        busy = true;
        try {
            channel.send(message.put("id", id));
            long deadline = timeout.map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
            boolean timedOut = false;
            while (true) {
                JsonNode event = next(deadline);
                if (event == null) {
                    if (timedOut) {
                        channel.stop(timeoutReason + AgentReplies.seconds(timeout.orElseThrow())
                                + " and did not stop when interrupted");
                        deadline = Long.MAX_VALUE;
                        continue;
                    }
                    timedOut = true;
                    channel.send(NODES.objectNode().put("op", "interrupt"));
                    deadline = System.nanoTime() + TIMEOUT_GRACE.toNanos();
                    continue;
                }
                if (AgentChannel.isEnd(event)) {
                    throw new SessionEndedException(channel.endReason());
                }
                switch (event.path("ev").asString("")) {
                    case "input" -> answerInput(event, out);
                    case "done" -> {
                        if (event.path("id").asLong() == id) {
                            gil = event.path("gil").asBoolean(gil);
                            return new Done(event, timedOut);
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
            return channel.next(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.stop("the kernel stopped waiting for the session");
            throw new SessionEndedException(channel.endReason());
        }
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
            reply.put("unavailable", e.getMessage());
        } catch (InputInterruptedException e) {
            reply.put("interrupted", true);
        }
        channel.send(reply);
    }

    /**
     * Sends a request other than a cell (values, GPU check) and waits for its reply.
     *
     * @throws SessionEndedException when the interpreter dies first
     */
    JsonNode request(ObjectNode message, Duration timeout) {
        long id = ids.incrementAndGet();
        message.put("id", id);
        channel.send(message);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode event = next(deadline);
            if (event == null) {
                channel.stop("the interpreter did not answer a "
                        + message.path("op").asString() + " request within " + AgentReplies.seconds(timeout));
                throw new SessionEndedException(channel.endReason());
            }
            if (AgentChannel.isEnd(event)) {
                throw new SessionEndedException(channel.endReason());
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
        if (!busy || channel.ended()) {
            return;
        }
        long now = System.nanoTime();
        long first = firstInterrupt;
        if (first != 0 && now - first > ESCALATE_AFTER.toNanos()) {
            channel.stop("the cell ignored KeyboardInterrupt for " + (now - first) / 1_000_000_000
                    + " s, so the session was stopped");
            return;
        }
        if (first == 0) {
            firstInterrupt = now;
        }
        try {
            channel.send(NODES.objectNode().put("op", "interrupt"));
        } catch (SessionEndedException e) {
            LOG.log(System.Logger.Level.DEBUG, "interrupt after the session ended", e);
        }
    }

    @Override
    public void close() {
        channel.stop("the session was stopped");
    }
}
