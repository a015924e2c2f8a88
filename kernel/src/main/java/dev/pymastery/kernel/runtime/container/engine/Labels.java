package dev.pymastery.kernel.runtime.container.engine;

/** The labels PyMastery puts on its containers. */
public final class Labels {
    /** The kernel that started the container (its id). */
    public static final String KERNEL = "pymastery.kernel";

    /** Who owns it: {@code host/pid/start-millis} of the kernel process, for reaping orphans. */
    public static final String OWNER = "pymastery.owner";

    /** The runtime's name. */
    public static final String RUNTIME = "pymastery.runtime";

    private Labels() {}
}
