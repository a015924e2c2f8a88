package dev.pymastery.tests.containers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A kernel driven by a real Jupyter client: jupyter_client in Debian's python3, through
 * {@code jupyter_driver.py} (one JSON command per line). The kernel's log goes to a file.
 */
final class JupyterDriver implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final BufferedReader answers;
    private final OutputStream commands;
    private long kernelPid;

    /** One execution's IOPub outputs (with arrival times) and its reply. */
    record Execution(List<JsonNode> outputs, JsonNode reply, double seconds) {
        String stream(String name) {
            StringBuilder text = new StringBuilder();
            outputs.stream()
                    .filter(o -> o.path("type").asString().equals("stream"))
                    .filter(o -> o.path("content").path("name").asString().equals(name))
                    .forEach(o -> text.append(o.path("content").path("text").asString()));
            return text.toString();
        }

        String stdout() {
            return stream("stdout");
        }

        String stderr() {
            return stream("stderr");
        }

        List<JsonNode> of(String type) {
            return outputs.stream()
                    .filter(o -> o.path("type").asString().equals(type))
                    .map(o -> o.path("content"))
                    .toList();
        }

        /** The execute_result's text/plain, or "" without one. */
        String result() {
            return of("execute_result").stream()
                    .findFirst()
                    .map(r -> r.path("data").path("text/plain").asString())
                    .orElse("");
        }

        boolean ok() {
            return reply.path("status").asString().equals("ok");
        }

        String ename() {
            return reply.path("ename").asString("");
        }

        String evalue() {
            return reply.path("evalue").asString("");
        }

        String traceback() {
            List<String> lines = new ArrayList<>();
            reply.path("traceback").forEach(line -> lines.add(line.asString()));
            return String.join("\n", lines);
        }

        /** Seconds after the request when the first output of this type arrived. */
        double firstArrival(String type) {
            return outputs.stream()
                    .filter(o -> o.path("type").asString().equals(type))
                    .mapToDouble(o -> o.path("t").asDouble())
                    .findFirst()
                    .orElse(Double.NaN);
        }

        @Override
        public String toString() {
            return "Execution" + outputs + " -> " + reply;
        }
    }

    JupyterDriver(Path jupyterPath, Map<String, String> env, Path log) {
        ProcessBuilder builder = new ProcessBuilder(Prerequisites.PYTHON, script().toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JUPYTER_PATH", jupyterPath.toString());
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        commands = process.getOutputStream();
    }

    private static Path script() {
        try {
            return Path.of(JupyterDriver.class
                    .getResource("/containers/jupyter_driver.py")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(ObjectNode command) {
        try {
            commands.write((JSON.writeValueAsString(command) + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException("the Jupyter driver exited; see the kernel log");
            }
            JsonNode answer = JSON.readTree(line);
            if (answer.has("failure")) {
                throw new IllegalStateException(
                        "driver: " + answer.path("failure").asString());
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode op(String name) {
        return JSON.createObjectNode().put("op", name);
    }

    /** Starts the kernel and waits for kernel_info; returns the seconds it took. */
    double start() {
        JsonNode answer = call(op("start").put("kernel", InstalledKernel.NAME));
        return answer.path("seconds").asDouble();
    }

    /**
     * The kernel process (the one labelled as its containers' owner). Jupyter's process is the
     * launcher, which hands the session to a warm kernel process, so ask the kernel itself.
     */
    long kernelPid() {
        if (kernelPid == 0) {
            kernelPid = Long.parseLong(execute("import os\nos.getpid()").result());
        }
        return kernelPid;
    }

    Execution execute(String code) {
        return execute(code, 180);
    }

    Execution execute(String code, int timeoutSeconds) {
        return execution(call(op("execute").put("code", code).put("timeout", timeoutSeconds)));
    }

    String submit(String code) {
        return call(op("submit").put("code", code)).path("msg_id").asString();
    }

    Execution collect(String msgId) {
        return execution(call(op("collect").put("msg_id", msgId).put("timeout", 120)));
    }

    /** Interrupts the kernel; returns when that was, in seconds after the last submit. */
    double interrupt() {
        return call(op("interrupt")).path("at").asDouble();
    }

    /** SIGKILL to the kernel process. */
    /** kill -9 of the kernel process (then of the launcher Jupyter started, as a client would). */
    void kill() {
        ProcessHandle.of(kernelPid()).ifPresent(ProcessHandle::destroyForcibly);
        call(op("kill"));
    }

    void shutdown() {
        call(op("shutdown"));
    }

    private static Execution execution(JsonNode answer) {
        List<JsonNode> outputs = new ArrayList<>();
        answer.path("outputs").forEach(outputs::add);
        return new Execution(
                outputs, answer.path("reply"), answer.path("seconds").asDouble());
    }

    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
