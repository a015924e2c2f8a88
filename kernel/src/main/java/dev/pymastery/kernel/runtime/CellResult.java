package dev.pymastery.kernel.runtime;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.MimeBundle;
import java.util.Optional;

/** How a cell ended in a runtime. Outputs were streamed while it ran. */
public sealed interface CellResult {
    /** Ran to the end; {@code value} is the last expression's value, when there was one. */
    record Ok(Optional<MimeBundle> value) implements CellResult {}

    /** Raised or was interrupted; the error is not yet published. */
    record Failed(ErrorInfo error) implements CellResult {}
}
