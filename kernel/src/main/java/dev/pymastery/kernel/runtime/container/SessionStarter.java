package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.container.engine.AgentProcess;
import dev.pymastery.kernel.runtime.container.engine.EngineException;
import dev.pymastery.kernel.runtime.container.engine.ExitStatus;
import dev.pymastery.kernel.runtime.container.engine.ImageUnavailableException;
import dev.pymastery.kernel.runtime.container.engine.LaunchRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.ObjectMapper;

/**
 * Starts a runtime's sessions: chooses the engine, launches the interpreter (pulling the image
 * with a progress bar when it is missing), injects the agent, and for a GPU runtime checks a GPU
 * is visible. Every failure becomes a message that says what to do. {@link #interrupt} stops a
 * start in progress.
 */
final class SessionStarter {
    private final RuntimeSpec spec;
    private final Engines engines;
    private final KernelIdentity identity;
    private final AgentSource agent;
    private final ObjectMapper json;
    private final AtomicInteger pulls = new AtomicInteger();
    private volatile AgentProcess launching;
    private volatile boolean interrupted;

    /** A started session and the engine it runs on. */
    record Started(Session session, Engines.Choice engine) {}

    SessionStarter(RuntimeSpec spec, Engines engines, KernelIdentity identity, AgentSource agent, ObjectMapper json) {
        this.spec = spec;
        this.engines = engines;
        this.identity = identity;
        this.agent = agent;
        this.json = json;
    }

    /** @throws RuntimeUnavailableException saying why no session could start */
    Started start(CellOutput output) {
        Engines.Choice choice = engines.choose(spec);
        interrupted = false;
        AgentProcess process = launch(choice, output);
        Session session;
        launching = process;
        try {
            session = Session.start(process, agent, json, spec.startTimeout(), this::describeExit);
        } catch (SessionEndedException e) {
            if (interrupted) {
                throw new RuntimeUnavailableException(
                        "KeyboardInterrupt: the " + spec.name() + " session was still starting and has been stopped");
            }
            throw new RuntimeUnavailableException("The " + spec.name() + " session could not start: " + e.getMessage()
                    + ".\nIs " + String.join(" ", spec.pythonCommand(choice.local())) + " the interpreter's command "
                    + (choice.local() ? "on this machine?" : "in " + spec.image() + "?") + " (setting "
                    + (choice.local() ? "local_python" : "python") + " of the runtime)");
        } finally {
            launching = null;
        }
        if (spec.gpu()) {
            GpuCheck.require(session, spec, choice);
        }
        return new Started(session, choice);
    }

    void interrupt() {
        AgentProcess starting = launching;
        if (starting != null) {
            interrupted = true;
            starting.stop();
        }
    }

    private AgentProcess launch(Engines.Choice choice, CellOutput output) {
        String displayId = "pymastery-pull-" + spec.name() + "-" + identity.pid() + "-" + pulls.incrementAndGet();
        try {
            return choice.engine().launch(request(choice.local()), new PullDisplay(output, displayId));
        } catch (ImageUnavailableException e) {
            throw new RuntimeUnavailableException(imageMissing(e));
        } catch (EngineException e) {
            throw new RuntimeUnavailableException(
                    spec.gpu()
                            ? GpuCheck.refused(spec, choice, e.getMessage())
                            : "The " + choice.engine().description() + " engine could not start the " + spec.name()
                                    + " session: " + e.getMessage(),
                    e);
        }
    }

    LaunchRequest request(boolean local) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PYTHONUNBUFFERED", "1");
        if (!local) {
            env.put("HOME", spec.workdir().orElse("/tmp"));
        }
        env.putAll(spec.env());
        return new LaunchRequest(
                spec.name(),
                spec.image(),
                AgentSource.command(spec.pythonCommand(local)),
                env,
                local ? Optional.empty() : spec.workdir(),
                local ? Optional.empty() : spec.user(),
                spec.memoryBytes(),
                spec.cpus(),
                spec.pids(),
                spec.network(),
                spec.gpu(),
                spec.pull(),
                identity.labels(spec.name()));
    }

    /** How the process ended, with the memory limit when that is the likely cause. */
    String describeExit(ExitStatus exit) {
        String text = exit.describe();
        if (spec.memoryBytes() > 0) {
            if (exit.outOfMemory()) {
                text += " (" + mebibytes(spec.memoryBytes()) + ")";
            } else if (exit.exitCode().orElse(0) == 137) {
                text += "; with a memory limit of " + mebibytes(spec.memoryBytes())
                        + ", that is most likely the out-of-memory killer";
            }
        }
        return text;
    }

    static String mebibytes(long bytes) {
        return bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }

    private String imageMissing(ImageUnavailableException e) {
        String variable =
                RuntimeCatalog.ENV_PREFIX + spec.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_IMAGE";
        return "The " + spec.name() + " runtime's image " + e.image() + " is not on this machine"
                + (spec.pull() ? ", and pulling it failed: " + e.getMessage() : " (pull: false)") + ".\n"
                + (spec.build().isBlank()
                        ? ""
                        : "Build it from the PyMastery checkout with:\n    " + spec.build() + "\n")
                + "or use another image: " + variable + "=python:3.13-slim (any image with python3 works).";
    }
}
