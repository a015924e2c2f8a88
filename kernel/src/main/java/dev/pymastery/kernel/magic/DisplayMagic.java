package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.runtime.CellResult;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code %%html}, {@code %%markdown}, {@code %%javascript}...: the body shown as that MIME type.
 *
 * @param plain the text/plain beside it, for front ends that show no {@code mimeType}
 */
record DisplayMagic(String name, String mimeType, String plain) implements CellMagic {
    @Override
    public String help() {
        return "%%" + name + ": show the cell body as " + mimeType;
    }

    @Override
    public CellResult run(String args, String body, MagicContext context) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put(mimeType, body);
        data.put("text/plain", plain);
        context.output().display(new MimeBundle(data, JsonNodeFactory.instance.objectNode()), Optional.empty(), false);
        return new CellResult.Ok(Optional.empty());
    }
}
