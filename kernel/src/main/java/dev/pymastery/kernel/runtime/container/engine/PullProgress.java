package dev.pymastery.kernel.runtime.container.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Sums the per-layer progress lines of an image pull ({@code {"id", "status", "progressDetail":
 * {"current", "total"}}}) into bytes done of bytes known, and keeps the first error.
 */
final class PullProgress {
    private record Layer(long current, long total, boolean done) {}

    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private String status = "";
    private String error;

    void accept(JsonNode line) {
        if (line.hasNonNull("error") || line.has("errorDetail")) {
            if (error == null) {
                String message = line.path("errorDetail").path("message").asString("");
                error = message.isEmpty() ? line.path("error").asString("the pull failed") : message;
            }
            return;
        }
        status = line.path("status").asString(status);
        String id = line.path("id").asString("");
        if (id.isEmpty() || status.startsWith("Pulling from") || status.startsWith("Digest:")) {
            return;
        }
        Layer before = layers.getOrDefault(id, new Layer(0, 0, false));
        JsonNode detail = line.path("progressDetail");
        long total = detail.path("total").asLong(before.total());
        long current = detail.path("current").asLong(before.current());
        boolean done = before.done() || isDone(status);
        if (done && total > 0) {
            current = total;
        }
        layers.put(id, new Layer(current, total, done));
    }

    private static boolean isDone(String status) {
        return status.startsWith("Pull complete")
                || status.startsWith("Already exists")
                || status.startsWith("Download complete");
    }

    PullListener.Progress snapshot() {
        long bytes = layers.values().stream().mapToLong(Layer::current).sum();
        long total = layers.values().stream().mapToLong(Layer::total).sum();
        int done = (int) layers.values().stream().filter(Layer::done).count();
        return new PullListener.Progress(bytes, total, done, layers.size(), status);
    }

    Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
