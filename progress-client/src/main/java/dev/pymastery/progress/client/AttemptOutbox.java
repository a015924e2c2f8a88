package dev.pymastery.progress.client;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A durable local outbox of attempts: one file per attempt in a folder, delivered oldest first.
 *
 * <ul>
 *   <li>{@link #submit} returns once the attempt is on disk: written to a temporary file, flushed with
 *       fsync, renamed atomically and the folder synced. A killed process leaves either the whole
 *       attempt or nothing; leftover temporary files are removed on {@link #open}.
 *   <li>Delivery sends each attempt with its idempotency key, so sending one twice (a crash between the
 *       server's answer and the file's removal, two kernels sharing the folder) never counts it twice.
 *   <li>The file is removed when the server stored it (2xx) or refused it for good (a 4xx from the
 *       progress server other than 401, 403, 408 and 429; logged). It is kept on network errors, 5xx,
 *       401, 403, 408, 429 and answers that are not the progress server's.
 *   <li>{@link #start} runs a background loop with {@link Backoff}; {@link #deliverNow} makes one pass
 *       at once. Passes never overlap.
 * </ul>
 */
public final class AttemptOutbox implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AttemptOutbox.class.getName());
    private static final Duration IDLE_POLL = Duration.ofSeconds(30);

    private final OutboxFolder folder;
    private final AttemptSender sender;
    private final Consumer<OutboxEvent> events;
    private final Backoff backoff;
    private final ReentrantLock delivery = new ReentrantLock();
    private final ReentrantLock signal = new ReentrantLock();
    private final Condition wakeUp = signal.newCondition();
    private boolean woken;
    private volatile boolean closed;
    private Thread loop;

    private AttemptOutbox(OutboxFolder folder, AttemptSender sender, Consumer<OutboxEvent> events, Backoff backoff) {
        this.folder = folder;
        this.sender = sender;
        this.events = events;
        this.backoff = backoff;
    }

    /** Opens (creating if needed) the outbox in {@code directory}; call {@link #start} for background delivery. */
    public static AttemptOutbox open(Path directory, AttemptSender sender, Consumer<OutboxEvent> events) {
        return open(directory, sender, events, Backoff.DEFAULT);
    }

    public static AttemptOutbox open(
            Path directory, AttemptSender sender, Consumer<OutboxEvent> events, Backoff backoff) {
        return new AttemptOutbox(OutboxFolder.open(directory), sender, events, backoff);
    }

    /** Stores the attempt durably and wakes the delivery loop. */
    public void submit(Attempt attempt) {
        folder.write(attempt);
        wake();
    }

    /** Attempts waiting for delivery. */
    public int pending() {
        return folder.files().size();
    }

    /** One delivery pass now, oldest first; stops at the first failure that may pass later. */
    public DeliveryReport deliverNow() {
        delivery.lock();
        try {
            int delivered = 0;
            int dropped = 0;
            List<Path> files = folder.files();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                Optional<Attempt> attempt = folder.read(file);
                if (attempt.isEmpty()) {
                    continue;
                }
                try {
                    RecordedAttempt recorded = sender.send(attempt.get());
                    folder.remove(file);
                    delivered++;
                    emit(new OutboxEvent.Delivered(attempt.get(), recorded));
                } catch (ProgressClientException e) {
                    if (e.retryable()) {
                        return new DeliveryReport(delivered, dropped, files.size() - i, Optional.of(e.getMessage()));
                    }
                    folder.remove(file);
                    dropped++;
                    int status = e instanceof ServerResponseException response ? response.status() : 0;
                    LOG.log(
                            Level.WARNING,
                            "dropped attempt {0} for {1}: the server refused it for good: {2}",
                            attempt.get().idempotencyKey(),
                            attempt.get().checkId(),
                            e.getMessage());
                    emit(new OutboxEvent.Dropped(attempt.get(), status, e.getMessage()));
                } catch (RuntimeException e) {
                    return new DeliveryReport(
                            delivered, dropped, files.size() - i, Optional.of("delivery failed: " + e));
                }
            }
            return new DeliveryReport(delivered, dropped, 0, Optional.empty());
        } finally {
            delivery.unlock();
        }
    }

    /** Starts the background delivery loop (a daemon thread); does nothing when already started. */
    public synchronized void start() {
        if (loop != null || closed) {
            return;
        }
        loop = Thread.ofPlatform().daemon().name("pymastery-outbox").start(this::deliverUntilClosed);
    }

    /** Stops the background loop; attempts not yet delivered stay on disk for the next {@link #open}. */
    @Override
    public void close() {
        closed = true;
        wake();
        Thread running;
        synchronized (this) {
            running = loop;
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void deliverUntilClosed() {
        int failures = 0;
        while (!closed) {
            DeliveryReport report = deliverNow();
            Duration wait;
            if (report.problem().isPresent()) {
                failures++;
                wait = backoff.after(failures);
                emit(new OutboxEvent.Deferred(report.pending(), report.problem().get(), wait));
                LOG.log(Level.DEBUG, "outbox: {0} attempts wait; next try in {1}", report.pending(), wait);
            } else {
                failures = 0;
                wait = IDLE_POLL;
            }
            await(wait);
        }
    }

    private void await(Duration wait) {
        signal.lock();
        try {
            long nanos = wait.toNanos();
            while (!woken && !closed && nanos > 0) {
                nanos = wakeUp.awaitNanos(nanos);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            signal.unlock();
        }
    }

    private void wake() {
        signal.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            signal.unlock();
        }
    }

    private void emit(OutboxEvent event) {
        try {
            events.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox event listener failed: {0}", e);
        }
    }

    /** Waits until the outbox is empty or {@code timeout} passes; true when empty. For shutdown and tests. */
    public boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return true;
    }
}
