package dev.pymastery.kernel.runtime;

/** A handle on an object living in a runtime; it goes back into that runtime unchanged. */
public interface GuestValue {
    /** Python's {@code repr()} of the object. */
    String repr();

    /** Whether the object is {@code None}. */
    boolean isNone();

    /** The text of a Python {@code str}; empty for other objects. */
    default java.util.Optional<String> text() {
        return java.util.Optional.empty();
    }
}
