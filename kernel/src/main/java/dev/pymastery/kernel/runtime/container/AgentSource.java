package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.runtime.PythonSources;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent the kernel injects into every session ({@code pymastery_agent.py}), and the one-line
 * bootstrap that reads it from stdin, so an image needs nothing but a {@code python3}.
 */
final class AgentSource {
    /** Reads the length line and the agent from fd 0 unbuffered, then runs it. */
    static final String BOOTSTRAP = """
            import os
            h = b''
            while not h.endswith(b'\\n'):
                c = os.read(0, 1)
                if not c:
                    raise SystemExit('pymastery: no agent on stdin')
                h += c
            n = int(h)
            src = b''
            while len(src) < n:
                c = os.read(0, n - len(src))
                if not c:
                    raise SystemExit('pymastery: agent cut short')
                src += c
            exec(compile(src, '<pymastery-agent>', 'exec'), {'__name__': 'pymastery_agent'})
            """;

    private final byte[] payload;

    private AgentSource(byte[] payload) {
        this.payload = payload;
    }

    static AgentSource load() {
        byte[] source = PythonSources.withCommon(AgentSource.class, "pymastery_agent.py")
                .getBytes(StandardCharsets.UTF_8);
        byte[] head = (source.length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[head.length + source.length];
        System.arraycopy(head, 0, payload, 0, head.length);
        System.arraycopy(source, 0, payload, head.length, source.length);
        return new AgentSource(payload);
    }

    /** What to write to the interpreter's stdin first: the length line and the agent. */
    byte[] payload() {
        return payload.clone();
    }

    /** The full command: the interpreter, unbuffered, running the bootstrap. */
    static List<String> command(List<String> python) {
        List<String> command = new ArrayList<>(python);
        command.add("-u");
        command.add("-c");
        command.add(BOOTSTRAP);
        return command;
    }
}
