package dev.pymastery.kernel.pool;

import java.io.IOException;
import java.nio.file.Path;

/** Starts spare kernel processes for a launcher that found none waiting. */
interface SpareStarter {
    /** Starts one spare; the handle says whether it still runs. */
    Started start() throws IOException;

    /** Where spares write their logs (named in error messages). */
    Path logDir();

    interface Started {
        boolean isAlive();
    }
}
