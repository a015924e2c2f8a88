package dev.pymastery.kernel.runtime.container.engine;

import java.util.OptionalInt;

/**
 * How an agent process ended, as far as its engine knows.
 *
 * @param exitCode the exit status; absent while unknown
 * @param outOfMemory whether the engine killed it for passing its memory limit
 * @param detail anything else the engine said (an error, a signal), or empty
 */
public record ExitStatus(OptionalInt exitCode, boolean outOfMemory, String detail) {
    public static ExitStatus unknown(String detail) {
        return new ExitStatus(OptionalInt.empty(), false, detail);
    }

    /** One phrase for a learner: "it was killed for using more memory than its limit". */
    public String describe() {
        if (outOfMemory) {
            return "it was killed for using more memory than its limit";
        }
        StringBuilder text = new StringBuilder();
        if (exitCode.isPresent()) {
            int code = exitCode.getAsInt();
            text.append(
                    code > 128 && code < 160
                            ? "it was killed by signal " + (code - 128) + signalName(code - 128)
                            : "its interpreter exited with status " + code);
        } else {
            text.append("the connection to it broke");
        }
        if (!detail.isBlank()) {
            text.append(" (").append(detail.strip()).append(')');
        }
        return text.toString();
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> " (SIGKILL)";
            case 15 -> " (SIGTERM)";
            case 11 -> " (SIGSEGV: a crash in native code)";
            case 6 -> " (SIGABRT)";
            default -> "";
        };
    }
}
