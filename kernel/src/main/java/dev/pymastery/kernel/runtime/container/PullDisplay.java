package dev.pymastery.kernel.runtime.container;

import dev.pymastery.kernel.cell.CellOutput;
import dev.pymastery.kernel.cell.MimeBundle;
import dev.pymastery.kernel.runtime.container.engine.PullListener;
import dev.pymastery.kernel.runtime.container.engine.PullListener.Progress;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An image pull as a progress bar in the cell's output: one display, updated in place (display
 * id + update_display_data) at most every {@value #INTERVAL_MS} ms.
 */
final class PullDisplay implements PullListener {
    static final int INTERVAL_MS = 250;
    private static final int WIDTH = 30;

    private final CellOutput output;
    private final String displayId;
    private boolean shown;
    private long lastUpdate;

    PullDisplay(CellOutput output, String displayId) {
        this.output = output;
        this.displayId = displayId;
    }

    @Override
    public void progress(String image, Progress progress) {
        long now = System.nanoTime();
        if (shown && now - lastUpdate < INTERVAL_MS * 1_000_000L) {
            return;
        }
        lastUpdate = now;
        show(bundle(image, progress));
    }

    @Override
    public void finished(String image, boolean pulled) {
        show(MimeBundle.text(pulled ? "Pulled " + image + "." : "Pulling " + image + " failed."));
    }

    private void show(MimeBundle bundle) {
        output.display(bundle, Optional.of(displayId), shown);
        shown = true;
    }

    static MimeBundle bundle(String image, Progress progress) {
        double fraction = progress.fraction();
        int filled = (int) Math.round(fraction * WIDTH);
        String percent = Math.round(fraction * 100) + "%";
        String detail = (progress.totalBytes() > 0 ? " of " + megabytes(progress.totalBytes()) : "")
                + (progress.totalLayers() > 0
                        ? ", " + progress.layers() + "/" + progress.totalLayers() + " layers"
                        : "")
                + (progress.status().isBlank() ? "" : " (" + progress.status() + ")");
        String text =
                "Pulling " + image + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + percent + detail;
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("text/plain", text);
        data.put(
                "text/html",
                "<div>Pulling <code>" + escape(image) + "</code> <progress max=\"1000\" value=\""
                        + Math.round(fraction * 1000) + "\"></progress> " + percent + escape(detail) + "</div>");
        return new MimeBundle(data, JsonNodeFactory.instance.objectNode());
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
