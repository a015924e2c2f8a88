package dev.pymastery.kernel.runtime.graalpy;

import org.graalvm.polyglot.HostAccess;

/** What {@code input()} learns from the kernel: a value, or why there is none. */
public final class InputAnswer {
    private final String status;
    private final String value;

    private InputAnswer(String status, String value) {
        this.status = status;
        this.value = value;
    }

    static InputAnswer value(String value) {
        return new InputAnswer("ok", value);
    }

    static InputAnswer interrupted() {
        return new InputAnswer("interrupted", "");
    }

    static InputAnswer unavailable(String why) {
        return new InputAnswer("unavailable", why);
    }

    @HostAccess.Export
    public String status() {
        return status;
    }

    @HostAccess.Export
    public String value() {
        return value;
    }
}
