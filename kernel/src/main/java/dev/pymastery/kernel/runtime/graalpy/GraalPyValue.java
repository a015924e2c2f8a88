package dev.pymastery.kernel.runtime.graalpy;

import dev.pymastery.kernel.runtime.GuestValue;
import org.graalvm.polyglot.Value;

/** A guest object held by the kernel between two calls into the same context. */
record GraalPyValue(Value value) implements GuestValue {
    @Override
    public String repr() {
        return value.toString();
    }

    @Override
    public boolean isNone() {
        return value.isNull();
    }

    @Override
    public java.util.Optional<String> text() {
        return value.isString() ? java.util.Optional.of(value.asString()) : java.util.Optional.empty();
    }
}
