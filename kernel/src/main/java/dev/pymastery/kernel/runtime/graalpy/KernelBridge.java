package dev.pymastery.kernel.runtime.graalpy;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.InputInterruptedException;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.cell.StdinUnavailableException;
import dev.pymastery.kernel.magic.LineMagic;
import dev.pymastery.kernel.magic.LineMagicHandler;
import java.util.Optional;
import java.util.function.Supplier;
import org.graalvm.polyglot.HostAccess;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one object the guest helper sees of the kernel. Every method is called from Python code
 * running in the cell.
 */
public final class KernelBridge {
    private final ObjectMapper json;
    private final Supplier<CellOutput> output;
    private final Supplier<LineMagicHandler> magics;

    KernelBridge(ObjectMapper json, Supplier<CellOutput> output, Supplier<LineMagicHandler> magics) {
        this.json = json;
        this.output = output;
        this.magics = magics;
    }

    @HostAccess.Export
    public void display(String dataJson, String metadataJson, String displayId, boolean update) {
        CellOutput target = output.get();
        if (target == null) {
            return;
        }
        ObjectNode data = (ObjectNode) json.readTree(dataJson);
        ObjectNode metadata = (ObjectNode) json.readTree(metadataJson);
        if (data.isEmpty()) {
            return;
        }
        target.display(new MimeBundle(data, metadata), Optional.ofNullable(displayId), update);
    }

    @HostAccess.Export
    public void stream(String name, String text) {
        CellOutput target = output.get();
        if (target != null) {
            target.stream(name, text);
        }
    }

    @HostAccess.Export
    public void clear_output(boolean wait) {
        CellOutput target = output.get();
        if (target != null) {
            target.clear(wait);
        }
    }

    @HostAccess.Export
    public InputAnswer input(String prompt, boolean password) {
        CellOutput target = output.get();
        if (target == null) {
            return InputAnswer.unavailable("input() was called outside a cell");
        }
        try {
            return InputAnswer.value(target.input(prompt, password));
        } catch (StdinUnavailableException e) {
            return InputAnswer.unavailable(e.getMessage());
        } catch (InputInterruptedException e) {
            return InputAnswer.interrupted();
        }
    }

    /** {@code exit()} / {@code quit()} in a cell: the session ends after this cell's reply. */
    @HostAccess.Export
    public void ask_exit(boolean keepKernel) {
        CellOutput target = output.get();
        if (target != null) {
            target.askExit(keepKernel);
        }
    }

    /** Help text ({@code obj?}) for the pager: a MIME bundle as JSON. */
    @HostAccess.Export
    public void page(String dataJson) {
        CellOutput target = output.get();
        if (target != null) {
            target.page(new MimeBundle((ObjectNode) json.readTree(dataJson), json.createObjectNode()));
        }
    }

    /**
     * A comm message the guest sends (the comm package's Comm.open, send and close); its binary
     * buffers come as a JSON list of base64 strings.
     */
    @HostAccess.Export
    public void comm(String msgType, String contentJson, String metadataJson, String buffersJson) {
        CellOutput target = output.get();
        if (target != null) {
            java.util.List<byte[]> buffers = new java.util.ArrayList<>();
            json.readTree(buffersJson)
                    .forEach(b -> buffers.add(java.util.Base64.getDecoder().decode(b.asString())));
            target.comm(
                    msgType,
                    (ObjectNode) json.readTree(contentJson),
                    (ObjectNode) json.readTree(metadataJson),
                    buffers);
        }
    }

    /** The header of the request being served, as JSON ({@code {}} outside one). */
    @HostAccess.Export
    public String request_header() {
        CellOutput target = output.get();
        return target == null
                ? "{}"
                : target.requestHeader().map(Object::toString).orElse("{}");
    }

    @HostAccess.Export
    public void set_next_input(String text, boolean replace) {
        CellOutput target = output.get();
        if (target != null) {
            target.setNextInput(text, replace);
        }
    }

    @HostAccess.Export
    public MagicAnswer line_magic(String name, String args) {
        LineMagicHandler handler = magics.get();
        if (handler == null) {
            return MagicAnswer.failure("line magics are not available here");
        }
        return switch (handler.run(name, args)) {
            case LineMagic.Outcome.Value value -> MagicAnswer.of(((GraalPyValue) value.value()).value());
            case LineMagic.Outcome.Text text -> MagicAnswer.of(text.text());
            case LineMagic.Outcome.None none -> MagicAnswer.of(null);
            case LineMagic.Outcome.Failed failed -> MagicAnswer.failure(failed.message());
            case LineMagic.Outcome.Raised raised ->
                MagicAnswer.raise(raised.exception().name(), raised.message());
        };
    }

    @HostAccess.Export
    public String magic_names(String kind) {
        LineMagicHandler handler = magics.get();
        return json.writeValueAsString(handler == null ? java.util.List.of() : handler.names(kind.equals("cell")));
    }
}
