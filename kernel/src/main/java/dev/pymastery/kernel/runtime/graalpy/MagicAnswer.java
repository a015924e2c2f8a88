package dev.pymastery.kernel.runtime.graalpy;

import org.graalvm.polyglot.HostAccess;

/** What a line magic returns to the cell: a value (a guest object, a string or None), or a failure. */
public final class MagicAnswer {
    private final Object value;
    private final String message;

    private MagicAnswer(Object value, String message) {
        this.value = value;
        this.message = message;
    }

    static MagicAnswer of(Object value) {
        return new MagicAnswer(value, null);
    }

    static MagicAnswer failure(String message) {
        return new MagicAnswer(null, message);
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
