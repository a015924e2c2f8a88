package dev.pymastery.kernel.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.wire.ConnectionInfo;
import dev.pymastery.wire.Message;
import dev.pymastery.wire.Signer;
import dev.pymastery.wire.WireCodec;
import dev.pymastery.wire.WireSocket;
import dev.pymastery.wire.WireSockets;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The protocol layer over real sockets, with a scripted interpreter instead of GraalPy. */
class JupyterKernelTest {
    private final ObjectMapper json = JsonMapper.builder().build();
    private final ScriptedInterpreter interpreter = new ScriptedInterpreter();
    private final WireSockets zmq = new WireSockets();
    private ConnectionInfo info;
    private JupyterKernel kernel;
    private WireCodec codec;
    private WireSocket shell;
    private WireSocket control;
    private WireSocket stdin;
    private WireSocket iopub;

    /** Five distinct free ports: all held open together, so none is handed out twice. */
    private static int[] freePorts() throws IOException {
        ServerSocket[] held = new ServerSocket[5];
        try {
            int[] ports = new int[held.length];
            for (int i = 0; i < held.length; i++) {
                held[i] = new ServerSocket(0);
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    /** Starts the kernel on free ports, again on fresh ones if another process took one meanwhile. */
    private JupyterKernel startOnFreePorts() throws IOException {
        for (int attempt = 1; ; attempt++) {
            int[] p = freePorts();
            info = new ConnectionInfo("tcp", "127.0.0.1", p[0], p[1], p[2], p[3], p[4], "key", "hmac-sha256");
            try {
                return JupyterKernel.start(info, interpreter, json);
            } catch (IllegalStateException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        kernel = startOnFreePorts();
        codec = new WireCodec(json, Signer.of("hmac-sha256", "key"));
        String identity = UUID.randomUUID().toString();
        shell = connect(WireSockets.Kind.DEALER, info.shellPort(), identity);
        control = connect(WireSockets.Kind.DEALER, info.controlPort(), identity);
        stdin = connect(WireSockets.Kind.DEALER, info.stdinPort(), identity);
        iopub = connect(WireSockets.Kind.SUB, info.iopubPort(), null);
        // IOPub drops messages until the subscription reaches the kernel: wait for one to arrive.
        for (int i = 0; i < 50; i++) {
            String id = send(shell, "kernel_info_request", json.createObjectNode());
            if (awaitIdle(id, 200) != null) {
                receive(shell, 2000);
                return;
            }
            receive(shell, 2000);
        }
        throw new IllegalStateException("IOPub never connected");
    }

    @AfterEach
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
        zmq.close();
    }

    private WireSocket connect(WireSockets.Kind kind, int port, String identity) {
        return zmq.connect(kind, info.endpoint(port), java.time.Duration.ZERO, Optional.ofNullable(identity));
    }

    private String send(WireSocket socket, String type, ObjectNode content) {
        String id = UUID.randomUUID().toString();
        ObjectNode header = json.createObjectNode()
                .put("msg_id", id)
                .put("msg_type", type)
                .put("session", "test")
                .put("username", "test")
                .put("version", "5.3");
        socket.send(codec.encode(
                new Message(List.of(), header, json.createObjectNode(), json.createObjectNode(), content, List.of())));
        return id;
    }

    private Message receive(WireSocket socket, int timeoutMillis) {
        return socket.receive(java.time.Duration.ofMillis(timeoutMillis))
                .map(codec::decode)
                .orElse(null);
    }

    /** IOPub messages parented to {@code id}, up to its idle status; null if idle never came. */
    private List<Message> awaitIdle(String id, int timeoutMillis) {
        List<Message> messages = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Message message = receive(iopub, 50);
            if (message == null
                    || !message.parentHeader().path("msg_id").asString("").equals(id)) {
                continue;
            }
            messages.add(message);
            if (message.type().equals("status")
                    && message.content().path("execution_state").asString("").equals("idle")) {
                return messages;
            }
        }
        return null;
    }

    private ObjectNode execute(String code) {
        return json.createObjectNode().put("code", code).put("silent", false).put("store_history", true);
    }

    @Test
    void theQuietActionRunsOnceAfterEachQuietPeriod() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        kernel.onQuiet(java.time.Duration.ofMillis(300), runs::incrementAndGet);
        Thread.sleep(1_200);
        assertThat(runs.get())
                .as("once for the quiet time after start-up, not again")
                .isEqualTo(1);
        String id = send(shell, "execute_request", execute("hello"));
        receive(shell, 5000);
        awaitIdle(id, 5000);
        Thread.sleep(1_200);
        assertThat(runs.get()).as("once more after the request").isEqualTo(2);
    }

    @Test
    void aLongCellIsNotQuiet() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        send(shell, "execute_request", execute("slow"));
        assertThat(interpreter.slowRunning.await(5, TimeUnit.SECONDS)).isTrue();
        kernel.onQuiet(java.time.Duration.ofMillis(200), runs::incrementAndGet);
        Thread.sleep(1_000);
        assertThat(runs.get()).as("while the cell runs").isZero();
        send(control, "interrupt_request", json.createObjectNode());
        receive(control, 5000);
        receive(shell, 5000);
        Thread.sleep(1_000);
        assertThat(runs.get()).as("after it ended").isEqualTo(1);
    }

    @Test
    void everyRequestIsBracketedByBusyAndIdle() {
        String id = send(shell, "execute_request", execute("hello"));
        Message reply = receive(shell, 5000);
        assertThat(reply.type()).isEqualTo("execute_reply");
        assertThat(reply.content().path("status").asString()).isEqualTo("ok");
        assertThat(reply.parentHeader().path("msg_id").asString()).isEqualTo(id);
        assertThat(awaitIdle(id, 5000))
                .extracting(Message::type)
                .containsExactly("status", "execute_input", "stream", "execute_result", "status");
    }

    @Test
    void anErrorAbortsExecutionsAlreadyQueued() {
        // The failing cell raises only once the kernel holds the second request, as when a client
        // sends several cells at once ("Run all"); a request that arrives after the error runs.
        interpreter.failWhen = () -> kernel.queuedShellRequests() > 0;
        String failing = send(shell, "execute_request", execute("fail"));
        String queued = send(shell, "execute_request", execute("never"));
        Message first = receive(shell, 5000);
        Message second = receive(shell, 5000);
        assertThat(first.parentHeader().path("msg_id").asString()).isEqualTo(failing);
        assertThat(first.content().path("status").asString()).isEqualTo("error");
        assertThat(first.content().path("ename").asString()).isEqualTo("ValueError");
        assertThat(second.parentHeader().path("msg_id").asString()).isEqualTo(queued);
        assertThat(second.content().path("status").asString()).isEqualTo("aborted");
        assertThat(interpreter.count.get()).isEqualTo(1);
    }

    @Test
    void controlIsServedWhileACellRuns() throws InterruptedException {
        send(shell, "execute_request", execute("slow"));
        // Interrupt only once the cell runs: an interrupt that arrives first has nothing to stop.
        assertThat(interpreter.slowRunning.await(5, TimeUnit.SECONDS)).isTrue();
        send(control, "interrupt_request", json.createObjectNode());
        Message interruptReply = receive(control, 5000);
        assertThat(interruptReply.type()).isEqualTo("interrupt_reply");
        assertThat(receive(shell, 5000).content().path("ename").asString()).isEqualTo("KeyboardInterrupt");
        assertThat(interpreter.interrupts.get()).isEqualTo(1);
    }

    @Test
    void inputIsAskedOnStdinAndTheAnswerUsed() {
        send(shell, "execute_request", execute("input"));
        Message request = receive(stdin, 5000);
        assertThat(request.type()).isEqualTo("input_request");
        assertThat(request.content().path("prompt").asString()).isEqualTo("name? ");
        send(stdin, "input_reply", json.createObjectNode().put("value", "ada"));
        assertThat(receive(shell, 5000).content().path("status").asString()).isEqualTo("ok");
    }

    @Test
    void badSignaturesAndGarbageAreDroppedAndServingGoesOn() {
        shell.sendFrame("garbage".getBytes(StandardCharsets.US_ASCII));
        WireCodec forger = new WireCodec(json, Signer.of("hmac-sha256", "wrong"));
        List<byte[]> frames = forger.encode(new Message(
                List.of(),
                json.createObjectNode().put("msg_id", "x").put("msg_type", "execute_request"),
                json.createObjectNode(),
                json.createObjectNode(),
                execute("forged"),
                List.of()));
        shell.send(frames);
        send(shell, "kernel_info_request", json.createObjectNode());
        Message reply = receive(shell, 5000);
        assertThat(reply.type()).isEqualTo("kernel_info_reply");
        assertThat(interpreter.count.get()).isZero();
    }

    @Test
    void heartbeatsAreEchoed() {
        WireSocket heartbeat = connect(WireSockets.Kind.REQ, info.hbPort(), null);
        heartbeat.sendFrame("ping".getBytes(StandardCharsets.US_ASCII));
        assertThat(heartbeat.receiveFrame(java.time.Duration.ofSeconds(5)).map(String::new))
                .contains("ping");
    }

    @Test
    void shutdownRepliesAndCompletesTheFuture() throws Exception {
        send(control, "shutdown_request", json.createObjectNode().put("restart", true));
        Message reply = receive(control, 5000);
        assertThat(reply.type()).isEqualTo("shutdown_reply");
        assertThat(reply.content().path("restart").asBoolean()).isTrue();
        assertThat(kernel.ended().get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(Ending.RESTART);
    }
}
