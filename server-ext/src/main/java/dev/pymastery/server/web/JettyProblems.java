package dev.pymastery.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Problem documents for the errors Jetty answers before a request reaches Javalin (a malformed or
 * ambiguous URI, a header too large), so every error a client sees has the same shape.
 */
final class JettyProblems extends ErrorHandler {
    private final JsonMapper json;

    JettyProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.getMessage(code));
        problem.put("status", code);
        problem.put(
                "detail",
                "the request was refused before it reached the API: "
                        + (message == null ? HttpStatus.getMessage(code) : message));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(problem.toString().getBytes(StandardCharsets.UTF_8)), callback);
    }
}
