package dev.pymastery.runner.notebook;

/** A file that is not an nbformat 4 notebook (bad JSON, wrong version, malformed cells). */
public final class NotebookFormatException extends RuntimeException {
    public NotebookFormatException(String message) {
        super(message);
    }

    public NotebookFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
