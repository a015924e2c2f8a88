package dev.pymastery.kernel.interpreter;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.MimeBundle;

/** The value of one user expression, or the error it raised. */
public sealed interface ExpressionValue {
    record Ok(MimeBundle value) implements ExpressionValue {}

    record Error(ErrorInfo error) implements ExpressionValue {}
}
