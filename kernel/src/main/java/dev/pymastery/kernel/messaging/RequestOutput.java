package dev.pymastery.kernel.messaging;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.ErrorInfo;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.cell.StdinUnavailableException;
import dev.pymastery.wire.Message;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import tools.jackson.databind.node.ObjectNode;

/** The outputs of one execute_request, as IOPub messages parented to it. */
final class RequestOutput implements CellOutput {
    private final Publisher publisher;
    private final StdinBroker stdin;
    private final Message request;
    private final boolean silent;
    private final boolean allowStdin;
    private final StreamBatcher streams;
    private volatile Boolean exitAsked;
    private final List<ObjectNode> payloads = new CopyOnWriteArrayList<>();

    RequestOutput(
            Publisher publisher,
            StdinBroker stdin,
            ScheduledExecutorService timer,
            Message request,
            boolean silent,
            boolean allowStdin) {
        this.publisher = publisher;
        this.stdin = stdin;
        this.request = request;
        this.silent = silent;
        this.allowStdin = allowStdin;
        this.streams = new StreamBatcher(timer, this::sendStream);
    }

    private ObjectNode content() {
        return publisher.envelopes().content();
    }

    private void sendStream(String name, String text) {
        ObjectNode content = content();
        content.put("name", name);
        content.put("text", text);
        publisher.publish(request, "stream", content);
    }

    /** Sends buffered stream text; called before every other message of this request. */
    void flush() {
        streams.flush();
    }

    @Override
    public void started(String code, int executionCount) {
        if (silent) {
            return;
        }
        ObjectNode content = content();
        content.put("code", code);
        content.put("execution_count", executionCount);
        publisher.publish(request, "execute_input", content);
    }

    @Override
    public void stream(String name, String text) {
        streams.append(name, text);
    }

    @Override
    public void display(MimeBundle bundle, Optional<String> displayId, boolean update) {
        flush();
        ObjectNode content = content();
        content.set("data", bundle.data());
        content.set("metadata", bundle.metadata());
        ObjectNode transientPart = content.putObject("transient");
        displayId.ifPresent(id -> transientPart.put("display_id", id));
        publisher.publish(request, update ? "update_display_data" : "display_data", content);
    }

    @Override
    public void clear(boolean wait) {
        flush();
        ObjectNode content = content();
        content.put("wait", wait);
        publisher.publish(request, "clear_output", content);
    }

    @Override
    public void result(int executionCount, MimeBundle bundle) {
        flush();
        if (silent) {
            return;
        }
        ObjectNode content = content();
        content.put("execution_count", executionCount);
        content.set("data", bundle.data());
        content.set("metadata", bundle.metadata());
        publisher.publish(request, "execute_result", content);
    }

    @Override
    public void error(ErrorInfo error) {
        flush();
        publisher.publish(request, "error", Protocol.error(content(), error));
    }

    @Override
    public void askExit(boolean keepKernel) {
        exitAsked = keepKernel;
    }

    /**
     * What the cell asked with {@code exit()}: empty if nothing, else whether to keep the kernel
     * (the {@code keepkernel} of IPython's {@code ask_exit} payload).
     */
    Optional<Boolean> exitAsked() {
        return Optional.ofNullable(exitAsked);
    }

    /**
     * A pager payload on the reply, as ipykernel sends it. A client that allows no input (nbclient,
     * nbval, papermill: headless runs, which drop payloads) also gets the text as display_data, so
     * the help is kept in the notebook it writes.
     */
    @Override
    public void page(MimeBundle bundle) {
        ObjectNode payload = content();
        payload.put("source", "page");
        payload.set("data", bundle.data());
        payload.put("start", 0);
        payloads.add(payload);
        if (!allowStdin && !silent) {
            display(bundle, Optional.empty(), false);
        }
    }

    @Override
    public void setNextInput(String text, boolean replace) {
        ObjectNode payload = content();
        payload.put("source", "set_next_input");
        payload.put("text", text);
        payload.put("replace", replace);
        payloads.add(payload);
    }

    @Override
    public void comm(String msgType, ObjectNode content, ObjectNode metadata, List<byte[]> buffers) {
        flush();
        publisher.publish(request, msgType, content, metadata, buffers);
    }

    @Override
    public Optional<ObjectNode> requestHeader() {
        return Optional.of(request.header());
    }

    /** The payloads the cell asked for, in order (besides ask_exit). */
    List<ObjectNode> payloads() {
        return List.copyOf(payloads);
    }

    @Override
    public String input(String prompt, boolean password) {
        if (!allowStdin) {
            throw new StdinUnavailableException();
        }
        flush();
        return stdin.await(() -> {
            ObjectNode content = content();
            content.put("prompt", prompt);
            content.put("password", password);
            publisher.askStdin(request, content);
        });
    }
}
