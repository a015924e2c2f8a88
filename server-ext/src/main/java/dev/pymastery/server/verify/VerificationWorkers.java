package dev.pymastery.server.verify;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.progress.client.AttemptJson;
import dev.pymastery.progress.client.Submission;
import dev.pymastery.server.store.VerificationJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Threads that take verification jobs from the queue and run them: off the request path, so an
 * attempt is answered at once and verified seconds later. A job whose runtime could not be reached
 * goes back to the queue (a lease that runs out does the same for a worker that died) and is given
 * up after {@link VerificationJobs#MAX_TRIES} tries with the reason recorded.
 */
public final class VerificationWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VerificationWorkers.class);
    /** Longer than a verification can take: cells and tests all timing out. */
    static final Duration LEASE = Duration.ofMinutes(15);

    /** Runs one submission: the real one starts containers ({@link #inContainers}). */
    @FunctionalInterface
    public interface Verify {
        VerifyResult verify(CheckSpec check, Submission submission, long jobId);
    }

    /** Verification counts, for /metrics. */
    public record Counts(long passed, long failed, long unverified, long retried) {}

    private final VerificationJobs jobs;
    private final Supplier<CheckCatalog> catalog;
    private final Verify verify;
    private final ObjectMapper json;
    private final Duration poll;
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unverified = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private volatile boolean closed;

    public VerificationWorkers(
            VerificationJobs jobs, CheckCatalog catalog, Verify verify, ObjectMapper json, Duration poll) {
        this(jobs, () -> catalog, verify, json, poll);
    }

    /**
     * Workers that verify with the checks as the files under {@code folder} say when each job runs
     * (a changed check is what a regrade is for).
     */
    public static VerificationWorkers onFolder(
            VerificationJobs jobs, Path folder, CheckCatalog loaded, Verify verify, ObjectMapper json, Duration poll) {
        return new VerificationWorkers(jobs, new CurrentCatalog(folder, loaded), verify, json, poll);
    }

    private VerificationWorkers(
            VerificationJobs jobs, Supplier<CheckCatalog> catalog, Verify verify, ObjectMapper json, Duration poll) {
        this.jobs = jobs;
        this.catalog = catalog;
        this.verify = verify;
        this.json = json;
        this.poll = poll;
    }

    /** Verification in the kernel's container runtimes, configured by {@code env} as a kernel's are. */
    public static Verify inContainers(Map<String, String> env, ObjectMapper json) {
        ContainerVerifier verifier = new ContainerVerifier(env, json);
        return verifier::verify;
    }

    /** Starts {@code count} worker threads. */
    public VerificationWorkers start(int count) {
        for (int i = 1; i <= count; i++) {
            Thread thread = new Thread(this::work, "verify-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /** A job was queued: a waiting worker looks at once instead of at its next poll. */
    public void wake() {
        wake.release();
    }

    public Counts counts() {
        return new Counts(passed.get(), failed.get(), unverified.get(), retried.get());
    }

    private void work() {
        while (!closed) {
            try {
                Optional<VerificationJobs.Job> job = jobs.claim(LEASE);
                if (job.isPresent()) {
                    runOne(job.get());
                } else {
                    wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database is away: the job's lease runs out and it is claimed again later.
                LOG.error("verification worker: {}", e.toString());
                sleepQuietly(poll);
            }
        }
    }

    /** Verifies one claimed job and stores the result; a job whose result cannot be stored goes back. */
    private void runOne(VerificationJobs.Job job) {
        try {
            verifyAndStore(job);
        } catch (RuntimeException e) {
            LOG.error(
                    "verification job {} (attempt {}) could not be stored; queued again", job.id(), job.attemptId(), e);
            try {
                jobs.release(job);
            } catch (RuntimeException again) {
                // the database is away: the lease runs out and the job is claimed again then
            }
            throw e;
        }
    }

    private void verifyAndStore(VerificationJobs.Job job) {
        Optional<VerificationJobs.Work> work = jobs.work(job.attemptId());
        if (work.isEmpty()) {
            jobs.abandon(job, "no code is stored for this attempt");
            unverified.incrementAndGet();
            return;
        }
        Optional<CheckSpec> check = catalog.get().find(work.get().checkId());
        if (check.isEmpty()) {
            jobs.finish(
                    job,
                    work.get(),
                    "unverified",
                    0,
                    "the check " + work.get().checkId() + " is no longer in the server's catalog");
            unverified.incrementAndGet();
            return;
        }
        Submission submission =
                AttemptJson.readSubmission(json.readTree(work.get().submission()));
        long started = System.nanoTime();
        VerifyResult result;
        try {
            result = verify.verify(check.get(), submission, job.id());
        } catch (RuntimeException e) {
            LOG.error("verifying attempt {} failed", job.attemptId(), e);
            result = new VerifyResult.Unverifiable("the server failed while verifying: " + e, true);
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        switch (result) {
            case VerifyResult.Passed p -> {
                jobs.finish(job, work.get(), "verified-pass", check.get().points(), "");
                passed.incrementAndGet();
            }
            case VerifyResult.Failed f -> {
                jobs.finish(job, work.get(), "verified-fail", 0, f.reason());
                failed.incrementAndGet();
            }
            case VerifyResult.Unverifiable u
            when u.retry() && job.tries() < VerificationJobs.MAX_TRIES && !closed -> {
                LOG.warn(
                        "attempt {}: {} (try {} of {}; queued again)",
                        job.attemptId(),
                        u.reason(),
                        job.tries(),
                        VerificationJobs.MAX_TRIES);
                jobs.release(job);
                retried.incrementAndGet();
                sleepQuietly(poll);
            }
            case VerifyResult.Unverifiable u -> {
                jobs.finish(job, work.get(), "unverified", 0, u.reason());
                unverified.incrementAndGet();
            }
        }
        LOG.info(
                "verified attempt {} of {} ({}): {} in {} ms",
                job.attemptId(),
                work.get().learner(),
                work.get().checkId(),
                result.getClass().getSimpleName(),
                ms);
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the workers; a job one of them was running goes back to the queue when its lease ends. */
    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
