package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.runtime.CellResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The agent's replies as the kernel's values. */
final class AgentReplies {
    private AgentReplies() {}

    static MimeBundle bundle(JsonNode data, JsonNode metadata) {
        return new MimeBundle(
                (ObjectNode) data, metadata.isObject() ? (ObjectNode) metadata : JsonNodeFactory.instance.objectNode());
    }

    /** A {@code done} event: the cell's value, or its error as CPython formatted it. */
    static CellResult result(JsonNode done) {
        if (done.path("status").asString("").equals("ok")) {
            JsonNode result = done.get("result");
            if (result == null || !result.path("data").isObject()) {
                return new CellResult.Ok(Optional.empty());
            }
            return new CellResult.Ok(Optional.of(bundle(result.get("data"), result.path("metadata"))));
        }
        return new CellResult.Failed(ErrorInfo.fromJson(done));
    }

    /** A KeyboardInterrupt caused by --timeout reads as a TimeoutError, traceback kept. */
    static CellResult timedOut(CellResult result, Duration timeout) {
        if (!(result instanceof CellResult.Failed failed)
                || !failed.error().ename().equals("KeyboardInterrupt")) {
            return result;
        }
        String message = "the cell ran longer than its --timeout of " + seconds(timeout) + " and was interrupted";
        List<String> traceback = new ArrayList<>(failed.error().traceback());
        if (!traceback.isEmpty()) {
            traceback.remove(traceback.size() - 1);
        }
        traceback.add("TimeoutError: " + message);
        return new CellResult.Failed(new ErrorInfo("TimeoutError", message, traceback));
    }

    static String seconds(Duration duration) {
        double value = duration.toMillis() / 1000.0;
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + " s";
    }
}
