package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.runtime.GuestValue;
import dev.pymastery.kernel.runtime.container.CPythonRuntime;
import dev.pymastery.kernel.runtime.container.ValueTransfer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/**
 * Copies values between GraalPy's namespace and a CPython runtime's, as pickles: {@code --in}
 * and {@code --out} of {@code %%cpython}. A value that cannot travel stops the cell with an error
 * naming it and its type.
 */
final class ValueCopier {
    private final ObjectMapper json;

    ValueCopier(ObjectMapper json) {
        this.json = json;
    }

    Optional<ErrorInfo> intoRuntime(List<String> names, CPythonRuntime runtime, MagicContext context) {
        ValueTransfer exported = ValueTransfer.fromJson(
                json.readTree(text(context.python().call("export_values", json.writeValueAsString(names)))));
        if (!exported.problems().isEmpty()) {
            return Optional.of(error(
                    "cannot copy into " + runtime.name() + " (values are copied as pickles)",
                    exported.problems(),
                    exported.types()));
        }
        Map<String, ValueTransfer.Problem> problems = runtime.put(exported.values(), context.output());
        return problems.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        error("cannot load in " + runtime.name() + " what GraalPy sent", problems, exported.types()));
    }

    Optional<ErrorInfo> fromRuntime(List<String> names, CPythonRuntime runtime, MagicContext context) {
        ValueTransfer fetched = runtime.get(names, context.output());
        if (!fetched.problems().isEmpty()) {
            return Optional.of(error(
                    "cannot copy out of " + runtime.name() + " (values are copied as pickles)",
                    fetched.problems(),
                    fetched.types()));
        }
        Map<String, ValueTransfer.Problem> problems = ValueTransfer.problems(json.readTree(
                text(context.python().call("import_values", json.writeValueAsString(fetched.valuesJson())))));
        return problems.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        error("cannot load in GraalPy what " + runtime.name() + " sent", problems, fetched.types()));
    }

    private static String text(GuestValue value) {
        return value.text().orElseThrow(() -> new IllegalStateException("the GraalPy helper did not return text"));
    }

    private static ErrorInfo error(
            String what, Map<String, ValueTransfer.Problem> problems, Map<String, String> types) {
        StringBuilder message = new StringBuilder(what).append(": ");
        problems.forEach((name, problem) -> message.append(problem.describe(name, Optional.ofNullable(types.get(name))))
                .append("; "));
        message.setLength(message.length() - 2);
        return ErrorInfo.of("TransferError", message.toString());
    }
}
