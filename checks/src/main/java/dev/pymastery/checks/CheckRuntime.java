package dev.pymastery.checks;

import java.util.Arrays;
import java.util.Locale;

/** Where a lab's code lives, so its check runs there: GraalPy or one of the CPython runtimes. */
public enum CheckRuntime {
    GRAALPY,
    STOCK,
    FT,
    PY314,
    CUDA,
    /** The Architect track's CPython 3.11 with its packages (FastAPI, OpenTelemetry, Redis, ...). */
    ARCHITECT;

    /** The name used in check files and magics: {@code graalpy}, {@code stock}, {@code ft}, {@code py314}, {@code cuda}, {@code architect}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckRuntime of(String key) {
        for (CheckRuntime runtime : values()) {
            if (runtime.key().equals(key)) {
                return runtime;
            }
        }
        throw new IllegalArgumentException("unknown runtime '" + key + "'; use one of "
                + Arrays.stream(values()).map(CheckRuntime::key).toList());
    }
}
