package dev.pymastery.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What jupyter-server-proxy does for us, in miniature: serves the backend under {@code /pymastery/},
 * stripping the prefix ({@code absolute_url: false}), passing headers, cookies and relative
 * redirects through unchanged, and streaming responses (server-sent events) as they come.
 */
final class PrefixProxy implements AutoCloseable {
    static final String PREFIX = "/pymastery";
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "transfer-encoding", "host", "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI backend;

    PrefixProxy(int backendPort) throws IOException {
        this.backend = URI.create("http://127.0.0.1:" + backendPort);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PREFIX, this::forward);
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PREFIX + "/");
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String rest = uri.getRawPath().substring(PREFIX.length());
            if (rest.isEmpty()) {
                exchange.getResponseHeaders().add("Location", PREFIX + "/");
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            String target = rest + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(backend.resolve(target))
                    .timeout(Duration.ofMinutes(5))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            boolean empty = exchange.getRequestMethod().equals("HEAD")
                    || response.statusCode() == 204
                    || response.statusCode() == 304
                    || (response.statusCode() >= 300 && response.statusCode() < 400);
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : 0);
            try (InputStream in = response.body();
                    OutputStream out = exchange.getResponseBody()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush(); // events go out as they come
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
