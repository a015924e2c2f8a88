package dev.pymastery.server.attempts;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.progress.client.Attempt;
import dev.pymastery.progress.client.RecordedAttempt;
import dev.pymastery.server.people.Person;
import dev.pymastery.server.store.AttemptStore;
import dev.pymastery.server.store.NewAttempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records attempts with group commit and no writer thread: a request queues its attempt, and the
 * request that finds the write lock free becomes the leader, storing whatever is queued (up to
 * {@code maxBatch}) in one transaction and answering the others. Alone, a request stores its own
 * attempt on its own thread; under load one commit serves many. An answer is given only after its
 * commit, so an acknowledged attempt is durable.
 *
 * <p>No request is left behind: a request queues first and then tries the lock; a leader, after
 * unlocking, writes one more batch if the queue is not empty; and a waiting request tries the lock
 * again every 5 ms.
 */
public final class AttemptRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptRecorder.class);
    private static final int MAX_QUEUED = 10_000;
    private static final long WAIT_SECONDS = 30;

    private record Pending(NewAttempt attempt, CompletableFuture<RecordResult> answer) {}

    private final AttemptStore store;
    private final CheckCatalog catalog;
    private final AttemptRules rules;
    private final Consumer<RecordedAttempt> onCreated;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean closed;

    public AttemptRecorder(
            AttemptStore store, CheckCatalog catalog, Consumer<RecordedAttempt> onCreated, int maxBatch) {
        this(store, catalog, onCreated, maxBatch, new AttemptRules(java.time.Clock.systemUTC()));
    }

    public AttemptRecorder(
            AttemptStore store,
            CheckCatalog catalog,
            Consumer<RecordedAttempt> onCreated,
            int maxBatch,
            AttemptRules rules) {
        this.rules = rules;
        this.store = store;
        this.catalog = catalog;
        this.onCreated = onCreated;
        this.maxBatch = maxBatch;
    }

    /**
     * Records {@code attempt} for {@code person} and returns once it is committed (or found stored).
     *
     * @throws RecorderBusyException when too many attempts wait, the recorder is closed, or the
     *     answer takes longer than 30 s
     */
    public RecordResult record(Person person, Attempt attempt) {
        Optional<CheckSpec> check = catalog.find(attempt.checkId());
        if (check.isEmpty()) {
            return new RecordResult.UnknownCheck(attempt.checkId());
        }
        Optional<String> broken = rules.broken(check.get(), attempt);
        if (broken.isPresent()) {
            return new RecordResult.Rejected(broken.get());
        }
        if (closed || queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            throw new RecorderBusyException();
        }
        Pending mine = new Pending(new NewAttempt(person, attempt), new CompletableFuture<>());
        queue.add(mine);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!mine.answer().isDone()) {
            if (writing.tryLock()) {
                try {
                    writeQueued();
                } finally {
                    writing.unlock();
                }
                if (!queue.isEmpty() && !mine.answer().isDone()) {
                    continue; // arrived while we wrote; take the lock again
                }
                if (!queue.isEmpty()) {
                    helpOthers();
                }
            } else {
                awaitQuietly(mine, deadline);
            }
            if (System.nanoTime() > deadline && !mine.answer().isDone()) {
                throw new RecorderBusyException();
            }
        }
        try {
            return mine.answer().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecorderBusyException();
        }
    }

    /**
     * Writes one more batch for requests that queued while this one wrote, unless someone else already
     * does; one only, so a request is never kept writing for others. The rest poll the lock themselves.
     */
    private void helpOthers() {
        if (writing.tryLock()) {
            try {
                writeQueued();
            } finally {
                writing.unlock();
            }
        }
    }

    private static void awaitQuietly(Pending mine, long deadline) {
        try {
            // A short wait, then try the lock again: the leader may have finished without our attempt.
            long left = Math.max(1, Math.min(TimeUnit.MILLISECONDS.toNanos(5), deadline - System.nanoTime()));
            mine.answer().get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // answered below, or by the next round
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stores up to {@code maxBatch} queued attempts in one transaction; caller holds the lock. */
    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        queued.addAndGet(-batch.size());
        List<RecordedAttempt> stored;
        try {
            stored = store.record(batch.stream().map(Pending::attempt).toList());
        } catch (RuntimeException e) {
            LOG.error("storing {} attempts failed", batch.size(), e);
            batch.forEach(p -> p.answer().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            RecordedAttempt recorded = stored.get(i);
            if (recorded.duplicate()) {
                batch.get(i).answer().complete(new RecordResult.Duplicate(recorded));
            } else {
                batch.get(i).answer().complete(new RecordResult.Created(recorded));
                try {
                    onCreated.accept(recorded);
                } catch (RuntimeException e) {
                    LOG.warn("attempt listener failed", e);
                }
            }
        }
    }

    /** Stops taking attempts; those already queued are still written by their requests. */
    @Override
    public void close() {
        closed = true;
    }
}
