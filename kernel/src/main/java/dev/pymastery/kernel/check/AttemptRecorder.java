package dev.pymastery.kernel.check;

import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.AttemptOutbox;
import dev.pymastery.progress.client.OutboxEvent;
import dev.pymastery.progress.client.ProgressClient;
import dev.pymastery.progress.client.ProgressSettings;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Records attempts through the {@code checks} module's durable outbox. Nothing is opened until
 * the first use (a kernel that runs no check pays nothing at start-up); {@link #record} returns
 * once the attempt is on disk, and a background loop delivers it, so a server that is down never
 * slows a cell. Thread-safe.
 */
public final class AttemptRecorder implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AttemptRecorder.class.getName());
    private static final Duration LAST_PASS = Duration.ofSeconds(2);

    private final Map<String, String> env;
    private ProgressSettings settings;
    private ProgressClient client;
    private AttemptOutbox outbox;
    private String problem;
    private boolean closed;

    public AttemptRecorder(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Stores the attempt in the outbox and wakes delivery; a problem is logged, never raised. */
    public void record(Attempt attempt) {
        Optional<AttemptOutbox> open = outbox();
        if (open.isEmpty()) {
            LOG.log(Level.WARNING, "attempt " + attempt.checkId() + " not recorded: " + problem);
            return;
        }
        try {
            open.get().submit(attempt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "attempt " + attempt.checkId() + " not recorded", e);
        }
    }

    /** Attempts waiting for delivery; empty when the outbox cannot be opened. */
    public Optional<Integer> pending() {
        return outbox().flatMap(o -> {
            try {
                return Optional.of(o.pending());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Why attempts cannot be recorded, when they cannot. */
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public synchronized ProgressSettings settings() {
        if (settings == null) {
            settings = ProgressSettings.fromEnvironment(env);
        }
        return settings;
    }

    /** Where the token is read from: PYMASTERY_TOKEN_FILE, or the file ensure-local-learner writes. */
    public String tokenFile() {
        return ProgressSettings.tokenFile(env).toString();
    }

    public synchronized ProgressClient client() {
        if (client == null) {
            client = ProgressClient.create(settings());
        }
        return client;
    }

    private synchronized Optional<AttemptOutbox> outbox() {
        if (outbox == null && problem == null && !closed) {
            try {
                outbox = AttemptOutbox.open(settings().outboxDirectory(), client(), AttemptRecorder::log);
                outbox.start();
            } catch (RuntimeException e) {
                problem = "the outbox cannot be opened (" + e.getMessage()
                        + "); set PYMASTERY_OUTBOX to a writable folder";
                LOG.log(Level.WARNING, problem, e);
            }
        }
        return Optional.ofNullable(outbox);
    }

    private static void log(OutboxEvent event) {
        switch (event) {
            case OutboxEvent.Delivered d ->
                LOG.log(Level.DEBUG, "delivered attempt " + d.attempt().idempotencyKey());
            case OutboxEvent.Dropped d ->
                LOG.log(
                        Level.WARNING,
                        "the server refused attempt for " + d.attempt().checkId() + ": " + d.reason());
            case OutboxEvent.Deferred d ->
                LOG.log(Level.INFO, d.pending() + " attempts wait: " + d.reason() + "; next try in " + d.retryIn());
        }
    }

    /**
     * Stops background delivery after one last quick pass; what is not delivered stays on disk
     * for the next kernel that opens the outbox.
     */
    @Override
    public void close() {
        AttemptOutbox open;
        synchronized (this) {
            closed = true;
            open = outbox;
        }
        if (open == null) {
            return;
        }
        // At most a short wait: Jupyter kills a kernel that takes long to shut down, and what is
        // not delivered now is on disk anyway.
        Thread last = Thread.ofPlatform().daemon().name("pymastery-outbox-last").start(() -> {
            try {
                if (open.pending() > 0) {
                    open.deliverNow();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "last delivery pass", e);
            }
        });
        try {
            last.join(LAST_PASS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.close();
        }
    }
}
