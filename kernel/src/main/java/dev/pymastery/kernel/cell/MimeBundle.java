package dev.pymastery.kernel.cell;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A value rendered for the front end: MIME type to representation, plus per-type metadata.
 *
 * @param data always holds {@code text/plain} for results; rich types beside it
 */
public record MimeBundle(ObjectNode data, ObjectNode metadata) {
    public MimeBundle {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("a MIME bundle needs at least one representation");
        }
    }

    /** A bundle holding one representation. */
    public static MimeBundle of(String mimeType, String value) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put(mimeType, value);
        return new MimeBundle(data, JsonNodeFactory.instance.objectNode());
    }

    public static MimeBundle text(String value) {
        return of("text/plain", value);
    }

    public String plainText() {
        return data.path("text/plain").asString("");
    }
}
