package dev.pymastery.server.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a request's JSON body with the checks every POST gets: content type, size, syntax. */
final class JsonBody {
    /**
     * The largest body: an attempt with its submission (256 K characters of code and 1 MB of files,
     * Base64) fits with room to spare.
     */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    static final long DRAIN_LIMIT = 16 * 1024 * 1024;

    private JsonBody() {}

    static JsonNode read(Context ctx, JsonMapper json) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiProblem(
                    415,
                    "send the body as JSON with 'Content-Type: application/json', not "
                            + (type == null ? "no content type" : "'" + type + "'"));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            discardModestExcess(ctx, declared);
            throw new ApiProblem(413, "the body has " + declared + " bytes; at most " + MAX_BYTES + " are accepted");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("the body is empty; send the attempt as a JSON object");
        }
        return json.readTree(bytes);
    }

    /**
     * Reads and drops a body that is too large but not absurdly so, before the 413 goes out. Answering
     * without reading it makes Jetty close the connection with bytes unread, and the TCP reset that follows
     * can reach a client still sending before it reads the answer (seen as "header parser received no bytes"
     * from java.net.http, about 1 post in 30 on loopback). Beyond {@link #DRAIN_LIMIT} the connection is
     * closed as before: reading megabytes to be polite is a cost a hostile client should not impose.
     */
    private static void discardModestExcess(Context ctx, long declared) {
        if (declared > DRAIN_LIMIT) {
            return;
        }
        try {
            ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The client went away; the 413 goes out (or not) regardless.
        }
    }
}
