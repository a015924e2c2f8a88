package dev.pymastery.kernel.runtime.graalpy;

import org.graalvm.polyglot.HostAccess;

/** What a line magic returns to the cell: a value (a guest object, a string or None), or a failure. */
public final class MagicAnswer {
    private final Object value;
    private final String message;
    private final String exception;

    private MagicAnswer(Object value, String message, String exception) {
        this.value = value;
        this.message = message;
        this.exception = exception;
    }

    static MagicAnswer of(Object value) {
        return new MagicAnswer(value, null, null);
    }

    static MagicAnswer failure(String message) {
        return new MagicAnswer(null, message, "UsageError");
    }

    static MagicAnswer raise(String exception, String message) {
        return new MagicAnswer(null, message, exception);
    }

    /** The exception the cell raises with {@link #message()}: UsageError, CheckFailed or KeyboardInterrupt. */
    @HostAccess.Export
    public String exception() {
        return exception;
    }

    @HostAccess.Export
    public boolean failed() {
        return message != null;
    }

    @HostAccess.Export
    public String message() {
        return message;
    }

    @HostAccess.Export
    public Object value() {
        return value;
    }
}
