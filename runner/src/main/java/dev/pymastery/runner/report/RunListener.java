package dev.pymastery.runner.report;

/** Receives a run's events. Called from the notebook threads, so implementations are thread-safe. */
@FunctionalInterface
public interface RunListener {
    void on(RunEvent event);
}
