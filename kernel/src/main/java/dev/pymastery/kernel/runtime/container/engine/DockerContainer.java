package dev.pymastery.kernel.runtime.container.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/** An agent in a container, reached through its attach stream. */
final class DockerContainer implements AgentProcess {
    private static final System.Logger LOG = System.getLogger(DockerContainer.class.getName());

    private final String id;
    private final UnixHttpClient.Upgraded attach;
    private final DockerEngine engine;
    private final BoundedText stderr = new BoundedText();
    private final InputStream output;
    private final AtomicBoolean stopped = new AtomicBoolean();

    DockerContainer(String id, UnixHttpClient.Upgraded attach, DockerEngine engine) {
        this.id = id;
        this.attach = attach;
        this.engine = engine;
        this.output = new FrameDemuxer(attach.in(), stderr);
    }

    @Override
    public String id() {
        return id.substring(0, Math.min(12, id.length()));
    }

    @Override
    public InputStream output() {
        return output;
    }

    @Override
    public OutputStream input() {
        return attach.out();
    }

    @Override
    public String diagnostics() {
        return stderr.toString();
    }

    @Override
    public ExitStatus awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                JsonNode state = engine.inspect(id).path("State");
                boolean running = state.path("Running").asBoolean(false);
                if (!running || System.nanoTime() > deadline) {
                    String detail = state.path("Error").asString("");
                    if (running) {
                        return ExitStatus.unknown("the container still runs, but its stream closed");
                    }
                    return new ExitStatus(
                            OptionalInt.of(state.path("ExitCode").asInt()),
                            state.path("OOMKilled").asBoolean(false),
                            detail);
                }
                Thread.sleep(50);
            }
        } catch (EngineException e) {
            return ExitStatus.unknown(
                    e.status() == 404
                            ? "its container was removed"
                            : e.status() == 0
                                    ? "the container engine stopped answering; did it restart?"
                                    : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.unknown("");
        }
    }

    @Override
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            attach.channel().close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the attach stream of " + id(), e);
        }
        engine.remove(id);
    }
}
