package dev.pymastery.kernel.runtime.container.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A started interpreter the agent runs in: its stdio, and how to stop it. */
public interface AgentProcess {
    /** The container's id or the process id. */
    String id();

    /** The agent's stdout; ends when the process does or the engine connection drops. */
    InputStream output();

    /** The agent's stdin. */
    OutputStream input();

    /** What the process wrote to stderr before the agent captured it (the last 64 KiB). */
    String diagnostics();

    /** How the process ended; waits up to {@code timeout} for the engine to know. */
    ExitStatus awaitExit(Duration timeout);

    /** Stops the process and removes what it left (the container); safe to call twice. */
    void stop();
}
