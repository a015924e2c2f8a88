package dev.pymastery.kernel.runtime.container.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP client against a small server on a real Unix socket that answers as engines do. */
class UnixHttpClientTest {
    @TempDir
    Path dir;

    private ServerSocketChannel server;

    /** Serves one connection: reads the request head, then lets {@code answer} reply. */
    private Path serve(BiConsumer<String, SocketChannel> answer) throws IOException {
        Path socket = dir.resolve("engine.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread thread = new Thread(() -> {
            try (SocketChannel client = server.accept()) {
                InputStream in = ChannelStreams.in(client);
                StringBuilder head = new StringBuilder();
                for (String line = UnixHttpClient.readLine(in); !line.isEmpty(); line = UnixHttpClient.readLine(in)) {
                    head.append(line).append('\n');
                }
                answer.accept(head.toString(), client);
            } catch (IOException e) {
                // the test failed on its side
            }
        });
        thread.setDaemon(true);
        thread.start();
        return socket;
    }

    private static void write(SocketChannel channel, String text) {
        try {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBodyByContentLength() throws IOException {
        List<String> heads = new ArrayList<>();
        Path socket = serve((head, channel) -> {
            heads.add(head);
            write(
                    channel,
                    "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"Id\":\"c1\"}");
        });
        UnixHttpClient.Response response = new UnixHttpClient(socket)
                .call("POST", "/containers/create?name=x", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text()).isEqualTo("{\"Id\":\"c1\"}");
        assertThat(heads.get(0))
                .startsWith("POST /containers/create?name=x HTTP/1.1\n")
                .contains("Content-Length: 2");
    }

    @Test
    void aChunkedBodyStreamedLineByLine() throws IOException {
        Path socket = serve((head, channel) -> write(
                channel,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + "7\r\n{\"a\":1}\r\n"
                        + "9\r\n\n{\"b\":2}\n\r\n" + "0\r\n\r\n"));
        List<String> lines = new ArrayList<>();
        UnixHttpClient.Response response =
                new UnixHttpClient(socket).stream("POST", "/images/create?fromImage=x", new byte[0], lines::add);
        assertThat(response.status()).isEqualTo(200);
        assertThat(lines).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void anUpgradeHandsOverTheRawStreamBothWays() throws Exception {
        Path socket = serve((head, channel) -> {
            write(channel, "HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nearly");
            ByteBuffer buffer = ByteBuffer.allocate(5);
            try {
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {}
            } catch (IOException e) {
                return;
            }
            write(channel, new String(buffer.array(), StandardCharsets.UTF_8).toUpperCase());
        });
        UnixHttpClient.Upgraded upgraded = new UnixHttpClient(socket).upgrade("POST", "/containers/c1/attach?stream=1");
        upgraded.out().write("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(upgraded.in().readNBytes(10), StandardCharsets.UTF_8))
                .isEqualTo("earlyHELLO");
        upgraded.channel().close();
    }

    @Test
    void anEngineThatIsNotThereIsAnEngineException() {
        UnixHttpClient client = new UnixHttpClient(dir.resolve("missing.sock"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.call("GET", "/version", new byte[0]))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("did not answer GET /version");
    }
}
