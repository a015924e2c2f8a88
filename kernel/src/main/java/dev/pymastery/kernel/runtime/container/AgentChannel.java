package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.runtime.container.engine.AgentProcess;
import dev.pymastery.kernel.runtime.container.engine.ExitStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent's stdio as JSON lines. A reader thread sends streams and displays to the current
 * cell's output as they arrive (a thread the cell started may print after it ends: that text goes
 * to the last cell's output, as in ipykernel); every other event waits in a queue for {@link
 * #next}. When the stream ends the queue gets an end marker and {@link #endReason} says why.
 */
final class AgentChannel {
    private static final System.Logger LOG = System.getLogger(AgentChannel.class.getName());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode END = NODES.objectNode().put("ev", "end");

    private final AgentProcess process;
    private final ObjectMapper json;
    private final Function<ExitStatus, String> describeExit;
    private final OutputStream input;
    private final Object writeLock = new Object();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final AtomicReference<CellOutput> output = new AtomicReference<>();
    private volatile boolean ended;
    private volatile String stopReason;

    AgentChannel(AgentProcess process, ObjectMapper json, Function<ExitStatus, String> describeExit) {
        this.process = process;
        this.json = json;
        this.describeExit = describeExit;
        this.input = process.input();
        Thread reader = new Thread(this::read, "agent-" + process.id());
        reader.setDaemon(true);
        reader.start();
    }

    String id() {
        return process.id();
    }

    boolean ended() {
        return ended;
    }

    static boolean isEnd(JsonNode event) {
        return event == END;
    }

    /** Where streams and displays go from now on. */
    void outputTo(CellOutput target) {
        output.set(target);
    }

    private void read() {
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
            if (stopReason == null) {
                LOG.log(System.Logger.Level.DEBUG, "agent stream of " + process.id() + " ended", e);
            }
        } finally {
            ended = true;
            events.add(END);
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
                    out.display(
                            AgentReplies.bundle(event.get("data"), event.path("metadata")),
                            Optional.ofNullable(event.path("display_id").asString(null)),
                            event.path("update").asBoolean(false));
                }
            }
            case "clear" -> {
                if (out != null) {
                    out.clear(event.path("wait").asBoolean(false));
                }
            }
            default -> events.add(event);
        }
    }

    /**
     * The next event, waiting until {@code deadline} ({@link System#nanoTime}; {@link
     * Long#MAX_VALUE} waits for ever); null when it passes.
     */
    JsonNode next(long deadline) throws InterruptedException {
        if (deadline == Long.MAX_VALUE) {
            return events.take();
        }
        long left = deadline - System.nanoTime();
        return left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
    }

    void send(ObjectNode message) {
        write((json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] bytes) {
        synchronized (writeLock) {
            try {
                input.write(bytes);
                input.flush();
            } catch (IOException e) {
                ended = true;
                throw new SessionEndedException(endReason());
            }
        }
    }

    /** Why the agent is gone: the reason it was stopped for, else what the engine says. */
    String endReason() {
        if (stopReason != null) {
            return stopReason;
        }
        return describeExit.apply(process.awaitExit(Duration.ofSeconds(3)));
    }

    /** Why an agent ended before saying hello, with what the interpreter printed. */
    String startFailure() {
        String said = process.diagnostics().strip();
        String how = describeExit.apply(process.awaitExit(Duration.ofSeconds(2)));
        return "the interpreter ended as it started: " + how + (said.isEmpty() ? "" : "; it said:\n" + said);
    }

    /** Ends the process on purpose; the first reason given is the one reported. */
    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        process.stop();
    }
}
