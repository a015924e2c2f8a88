package dev.pymastery.runner.run;

import dev.pymastery.runner.report.NotebookResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs notebooks {@code jobs} at a time, each on a platform thread of its own with its own kernel,
 * and returns the results in the order the notebooks were given.
 */
public final class ParallelRun {
    private final NotebookRun notebookRun;
    private final int jobs;

    public ParallelRun(NotebookRun notebookRun, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
        }
        this.notebookRun = notebookRun;
        this.jobs = jobs;
    }

    public List<NotebookResult> run(List<Path> notebooks) {
        if (jobs == 1) {
            return notebooks.stream().map(notebookRun::run).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, runnable -> {
            Thread thread = new Thread(runnable, "notebook");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<NotebookResult>> futures = new ArrayList<>();
            for (Path notebook : notebooks) {
                futures.add(pool.submit(() -> notebookRun.run(notebook)));
            }
            List<NotebookResult> results = new ArrayList<>();
            for (Future<NotebookResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while notebooks ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a notebook run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
