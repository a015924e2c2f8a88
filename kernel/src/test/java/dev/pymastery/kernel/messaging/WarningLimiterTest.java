package dev.pymastery.kernel.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class WarningLimiterTest {
    /** A System.Logger that keeps what it is given. */
    private static final class Kept implements System.Logger {
        final List<String> lines = new ArrayList<>();

        @Override
        public String getName() {
            return "kept";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(format);
        }
    }

    @Test
    void eachKindIsLoggedAFewTimesAndTheRestSummarised() {
        Kept log = new Kept();
        WarningLimiter limiter = new WarningLimiter(log);
        for (int i = 0; i < 1000; i++) {
            limiter.warn("signature", "bad signature " + i);
        }
        limiter.warn("frames", "bad frames");
        assertThat(log.lines).hasSize(WarningLimiter.PER_WINDOW + 1);
        assertThat(log.lines.get(WarningLimiter.PER_WINDOW - 1)).contains("counted, not logged");
        limiter.summarize();
        assertThat(log.lines.getLast()).isEqualTo("995 more warnings of kind signature were not logged");
        limiter.warn("signature", "again");
        assertThat(log.lines.getLast()).isEqualTo("again");
    }

    @Test
    void kindsFromTheWireShareOneCountPastTheirLimit() {
        Kept log = new Kept();
        WarningLimiter limiter = new WarningLimiter(log);
        for (int i = 0; i < 10_000; i++) {
            limiter.warn("unknown:type" + i, "unknown type " + i);
        }
        assertThat(log.lines.size()).isLessThan(100);
    }
}
