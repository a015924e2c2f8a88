package dev.pymastery.kernel;

/** One-line log records on stderr, where Jupyter collects a kernel's log. */
final class Logging {
    private Logging() {}

    static void configure() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "[%1$tT.%1$tL %4$s %3$s] %5$s%6$s%n");
    }
}
