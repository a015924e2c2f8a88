package dev.pymastery.runner.report;

import java.nio.file.Path;

/** What a run reports as it goes; with {@code -j N} events of different notebooks interleave. */
public sealed interface RunEvent {

    record NotebookStarted(Path notebook, String kernel) implements RunEvent {}

    record CellFinished(Path notebook, CellResult result) implements RunEvent {}

    record NotebookFinished(NotebookResult result) implements RunEvent {}

    /** An executed copy ({@code --keep-executed}) or updated notebook ({@code --update}) was written. */
    record NotebookWritten(Path notebook, Path file, boolean updatedInPlace) implements RunEvent {}

    /** {@code --update} left the notebook as it was, because some cell failed to run. */
    record UpdateSkipped(Path notebook, String reason) implements RunEvent {}
}
