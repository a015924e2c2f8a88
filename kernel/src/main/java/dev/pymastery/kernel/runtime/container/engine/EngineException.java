package dev.pymastery.kernel.runtime.container.engine;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The container engine refused a request or could not be reached; the message says which. */
public class EngineException extends RuntimeException {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final int status;

    public EngineException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public EngineException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the engine answered with; 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** The {@code message} of an engine's JSON error body, else the body itself. */
    static String messageOf(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asString();
            }
        } catch (JacksonException e) {
            // not JSON: the body is the message
        }
        return body.strip();
    }
}
