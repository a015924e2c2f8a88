package dev.pymastery.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Jupyter client for tests: Debian's jupyter_client in a Python process
 * ({@code jupyter_driver.py}), commanded over JSON lines. The kernel is started from its
 * kernelspec, as Jupyter starts it.
 */
public final class JupyterDriver implements AutoCloseable {
    /** The driver script and the protocol fuzzer it imports, copied out of the kit's jar once. */
    private static final Path SCRIPT = extract("jupyter_driver.py", "protocol_fuzzer.py");

    private final ObjectMapper json = JsonMapper.builder().build();
    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;
    private long kernelPid;

    private JupyterDriver(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the driver and, through it, the kernel; {@code kernelLog} gets the kernel's stderr. */
    public static JupyterDriver start(InstalledKernel kernel, Path workDir, Path kernelLog) {
        return start(kernel, workDir, kernelLog, Map.of());
    }

    /** As {@link #start(InstalledKernel, Path, Path)}, the kernel inheriting {@code env} besides this JVM's. */
    public static JupyterDriver start(InstalledKernel kernel, Path workDir, Path kernelLog, Map<String, String> env) {
        Prerequisites.requirePython("jupyter_client", "zmq");
        try {
            ProcessBuilder builder = new ProcessBuilder(Prerequisites.PYTHON.toString(), "-u", SCRIPT.toString())
                    .redirectError(kernelLog.toFile())
                    .directory(workDir.toFile());
            builder.environment().put("JUPYTER_PATH", kernel.jupyterPath());
            builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            builder.environment().putAll(env);
            JupyterDriver driver = new JupyterDriver(builder.start());
            driver.call(Map.of("cmd", "start", "kernel", kernel.name(), "cwd", workDir.toString(), "timeout", 120));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path extract(String script, String... beside) {
        try {
            Path dir = Files.createTempDirectory("pymastery-testkit");
            dir.toFile().deleteOnExit();
            for (String name : java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(script), java.util.Arrays.stream(beside))
                    .toList()) {
                try (InputStream in = JupyterDriver.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("the test kit lacks its resource " + name);
                    }
                    Path file = dir.resolve(name);
                    Files.copy(in, file);
                    file.toFile().deleteOnExit();
                }
            }
            return dir.resolve(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command and returns its result; a failed command throws with the driver's message. */
    public JsonNode call(Map<String, ?> command) {
        try {
            commands.write(json.writeValueAsString(command) + "\n");
            commands.flush();
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException("the jupyter driver exited; see the kernel log");
            }
            JsonNode answer = json.readTree(line);
            if (!answer.path("ok").asBoolean(false)) {
                throw new IllegalStateException(
                        "driver: " + answer.path("error").asString(""));
            }
            return answer.path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String send(String channel, String msgType, ObjectNode content) {
        return call(Map.of("cmd", "send", "channel", channel, "msg_type", msgType, "content", content))
                .path("msg_id")
                .asString();
    }

    public Execution collect(String msgId, double timeoutSeconds) {
        JsonNode result = call(Map.of("cmd", "collect", "msg_id", msgId, "timeout", timeoutSeconds));
        List<JsonNode> iopub = new ArrayList<>();
        result.path("iopub").forEach(iopub::add);
        JsonNode stdin = result.path("stdin");
        return new Execution(
                msgId,
                result.path("reply"),
                iopub,
                stdin.isNull() || stdin.isMissingNode() ? Optional.empty() : Optional.of(stdin),
                result.path("timed_out").asBoolean(true),
                result.path("seconds").asDouble());
    }

    /** Sends a cell without waiting for it; {@link #collect(String)} gathers what it produced. */
    public String submit(String code) {
        return send("shell", "execute_request", executeContent(code));
    }

    public Execution collect(String msgId) {
        return collect(msgId, 180);
    }

    public ObjectNode content() {
        return json.createObjectNode();
    }

    /** An execute_request with the client defaults (store_history, allow_stdin, stop_on_error). */
    public ObjectNode executeContent(String code) {
        ObjectNode content = json.createObjectNode();
        content.put("code", code);
        content.put("silent", false);
        content.put("store_history", true);
        content.putObject("user_expressions");
        content.put("allow_stdin", true);
        content.put("stop_on_error", true);
        return content;
    }

    public Execution execute(String code) {
        return execute(code, 120);
    }

    public Execution execute(String code, double timeoutSeconds) {
        return collect(submit(code), timeoutSeconds);
    }

    /**
     * The kernel process (the one that runs cells and labels its containers). Jupyter's process is
     * the launcher, which hands the session to a warm kernel process, so the kernel is asked.
     */
    public long kernelPid() {
        if (kernelPid == 0) {
            kernelPid = Long.parseLong(execute("import os\nos.getpid()").result());
        }
        return kernelPid;
    }

    /** kill -9 of the kernel process, then of the launcher Jupyter started, as a crash would leave them. */
    public void kill() {
        ProcessHandle.of(kernelPid()).ifPresent(ProcessHandle::destroyForcibly);
        call(Map.of("cmd", "kill"));
    }

    public Execution request(String msgType, ObjectNode content) {
        return collect(send("shell", msgType, content), 60);
    }

    public void input(String value) {
        call(Map.of("cmd", "input", "value", value));
    }

    /** Interrupts the kernel as Jupyter does; the seconds the request took. */
    public double interrupt() {
        return call(Map.of("cmd", "interrupt")).path("seconds").asDouble();
    }

    /** Interrupts the kernel; when that was, in seconds after the last request was sent. */
    public double interruptAt() {
        return call(Map.of("cmd", "interrupt")).path("at").asDouble();
    }

    public double restart() {
        return call(Map.of("cmd", "restart", "timeout", 120)).path("seconds").asDouble();
    }

    public JsonNode shutdown() {
        return call(Map.of("cmd", "shutdown", "timeout", 10));
    }

    /** Stops the kernel as nbval does: channels closed, then {@code shutdown_kernel(now=True)}. */
    public JsonNode shutdownNow() {
        return call(Map.of("cmd", "shutdown_now"));
    }

    public boolean alive() {
        return call(Map.of("cmd", "alive")).path("alive").asBoolean();
    }

    public void raw(String channel, List<String> frames) {
        call(Map.of("cmd", "raw", "channel", channel, "frames", frames));
    }

    @Override
    public void close() {
        try {
            commands.write("{\"cmd\": \"quit\"}\n");
            commands.flush();
        } catch (IOException e) {
            // the driver is gone already
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
