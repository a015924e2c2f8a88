package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.runtime.Cell;
import dev.pymastery.kernel.runtime.CellResult;
import dev.pymastery.kernel.runtime.Runtime;
import dev.pymastery.kernel.runtime.RuntimeUnavailableException;
import dev.pymastery.kernel.runtime.TestOutcome;
import dev.pymastery.kernel.runtime.TestRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.ObjectMapper;

/**
 * Cells in a real CPython: one long-lived session per kernel, started on first use in a container
 * (or a local interpreter), kept across cells, and started afresh after it dies, with a note
 * saying so. Not thread-safe for {@link #run}; {@link #interrupt} from any thread.
 */
public final class CPythonRuntime implements Runtime {
    private static final System.Logger LOG = System.getLogger(CPythonRuntime.class.getName());

    private final RuntimeSpec spec;
    private final Engines engines;
    private final SessionStarter starter;
    private final Object lifecycle = new Object();
    private volatile Session session;
    private volatile Session.Hello lastHello;
    private volatile Boolean lastGil;
    private String previousEnd;

    CPythonRuntime(RuntimeSpec spec, Engines engines, KernelIdentity identity, AgentSource agent, ObjectMapper json) {
        this.spec = spec;
        this.engines = engines;
        this.starter = new SessionStarter(spec, engines, identity, agent, json);
    }

    @Override
    public String name() {
        return spec.name();
    }

    public RuntimeSpec spec() {
        return spec;
    }

    @Override
    public CellResult run(Cell cell, CellOutput output) {
        return run(cell, output, Optional.empty());
    }

    /** Runs a cell; one still running after {@code timeout} is interrupted. */
    public CellResult run(Cell cell, CellOutput output, Optional<Duration> timeout) {
        Session current = session(output);
        boolean gilBefore = current.gil();
        try {
            CellResult result = current.execute(cell, output, timeout);
            lastGil = current.gil();
            if (spec.freeThreaded() && current.gil() && !gilBefore) {
                output.stream(
                        "stderr",
                        "Warning: the GIL was enabled while this cell ran, probably by importing an extension module"
                                + " that does not declare free-threading support. Threads no longer run Python code in"
                                + " parallel in this session (PYTHON_GIL=0 forces it off, at your own risk).\n");
            }
            return result;
        } catch (SessionEndedException e) {
            discard(current, e.getMessage());
            return new CellResult.Failed(ErrorInfo.of(
                    "SessionDied",
                    "The " + name() + " session ended while running this cell: " + e.getMessage()
                            + ". The next %%cpython " + name()
                            + " cell starts a fresh session; names defined before are gone."));
        }
    }

    /**
     * Runs a lab check's hidden test in this runtime's session (started first when there is none);
     * what the learner's code prints goes into the result, not to {@code output}. A test that does
     * not stop when interrupted at its timeout ends the session (the next cell starts a fresh one).
     */
    public TestRun check(String test, String testFile, Duration timeout, CellOutput output) {
        Session current = session(output);
        CapturedOutput captured = new CapturedOutput();
        try {
            TestRun run = current.check(test, testFile, captured, timeout);
            return new TestRun(run.outcome(), run.output() + captured.text());
        } catch (SessionEndedException e) {
            discard(current, e.getMessage());
            if (e.getMessage().startsWith(Session.CHECK_TIMED_OUT)) {
                return new TestRun(new TestOutcome.TimedOut(timeout), captured.text());
            }
            throw new RuntimeUnavailableException("The " + name() + " session ended while the check ran: "
                    + e.getMessage() + ". The next cell starts a fresh session; names defined before are gone.");
        }
    }

    /** The same runtime with a time limit on each cell, for {@code MagicContext.runIn}. */
    public Runtime withTimeout(Optional<Duration> timeout) {
        CPythonRuntime self = this;
        return new Runtime() {
            @Override
            public String name() {
                return self.name();
            }

            @Override
            public CellResult run(Cell cell, CellOutput output) {
                return self.run(cell, output, timeout);
            }

            @Override
            public void interrupt() {
                self.interrupt();
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void interrupt() {
        Session current = session;
        if (current != null) {
            current.interrupt();
        }
        starter.interrupt();
    }

    /** The running session, started (and reported) first when there is none. */
    Session session(CellOutput output) {
        synchronized (lifecycle) {
            Session current = session;
            if (current != null && current.ended()) {
                discard(current, "it ended between cells");
                current = null;
            }
            if (current == null) {
                current = start(output);
                session = current;
            }
            return current;
        }
    }

    private Session start(CellOutput output) {
        SessionStarter.Started started = starter.start(output);
        Session fresh = started.session();
        lastHello = fresh.hello();
        lastGil = fresh.gil();
        LOG.log(
                System.Logger.Level.INFO,
                name() + " session " + fresh.id() + " started: " + fresh.hello().describe() + " on "
                        + started.engine().engine().description());
        if (previousEnd != null) {
            output.stream(
                    "stderr",
                    "Started a fresh " + name() + " session (" + fresh.hello().describe()
                            + "): the previous one ended (" + previousEnd + "), so names defined before are gone.\n");
            previousEnd = null;
        }
        if (spec.freeThreaded() && fresh.gil()) {
            output.stream("stderr", gilWarning(fresh.hello()));
        }
        return fresh;
    }

    private static String gilWarning(Session.Hello hello) {
        return "Warning: this runtime is meant to be free-threaded, but its interpreter (" + hello.describe() + ", "
                + hello.executable() + ") "
                + (hello.freeThreadingBuild()
                        ? "has the GIL enabled (PYTHON_GIL=1 or -X gil=1?)"
                        : "is not a free-threaded build, so it has the GIL")
                + ": threads will not run Python code in parallel. Build the free-threaded image"
                + " (./docker/build.sh freethreaded) or point the runtime at a python3.13t/3.14t.\n";
    }

    private void discard(Session ended, String why) {
        synchronized (lifecycle) {
            if (session == ended) {
                session = null;
                previousEnd = why;
            }
        }
        ended.close();
    }

    /** Ends the session; the next cell starts a fresh one without comment. */
    public void stop() {
        Session current;
        synchronized (lifecycle) {
            current = session;
            session = null;
            previousEnd = null;
        }
        if (current != null) {
            current.close();
        }
    }

    /** Stops the session and starts a new one now; says what it started. */
    public String restart(CellOutput output) {
        stop();
        Session started = session(output);
        return started.hello().describe() + (started.gil() ? ", GIL enabled" : ", GIL disabled");
    }

    /** Whether a session is up, without asking the engine anything. */
    public boolean running() {
        Session current = session;
        return current != null && !current.ended();
    }

    public RuntimeStatus status() {
        Session current = session;
        Session.Hello hello = current != null ? current.hello() : lastHello;
        Boolean gil = current != null ? Boolean.valueOf(current.gil()) : lastGil;
        String engine;
        String where;
        try {
            Engines.Choice choice = engines.choose(spec);
            engine = choice.engine().description();
            where = choice.local() ? String.join(" ", spec.pythonCommand(true)) : spec.image();
        } catch (RuntimeUnavailableException e) {
            engine = "none found";
            where = spec.image();
        }
        return new RuntimeStatus(
                name(),
                spec.description(),
                engine,
                where,
                Optional.ofNullable(hello).map(Session.Hello::describe),
                Optional.ofNullable(gil),
                Optional.ofNullable(current).filter(s -> !s.ended()).map(Session::id),
                current == null ? 0 : current.cells());
    }

    /**
     * Loads pickled values into the session's namespace (starting it when needed).
     *
     * @return the problems, by name; empty when every value arrived
     */
    public Map<String, ValueTransfer.Problem> put(Map<String, String> pickles, CellOutput output) {
        Session current = session(output);
        return withSession(current, s -> ValueTransfer.put(s, pickles));
    }

    /** Pickles named values of the session's namespace. */
    public ValueTransfer get(List<String> names, CellOutput output) {
        Session current = session(output);
        return withSession(current, s -> ValueTransfer.get(s, names));
    }

    private <T> T withSession(Session current, Function<Session, T> work) {
        try {
            return work.apply(current);
        } catch (SessionEndedException e) {
            discard(current, e.getMessage());
            throw new RuntimeUnavailableException("The " + name() + " session ended: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
    }
}
