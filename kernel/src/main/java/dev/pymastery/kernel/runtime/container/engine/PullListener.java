package dev.pymastery.kernel.runtime.container.engine;

/** Hears how an image pull goes; called on the thread that launches. */
public interface PullListener {
    /**
     * How far a pull is.
     *
     * @param bytes bytes fetched of the layers that announced a size
     * @param totalBytes the sizes announced so far (0 when the engine reports none, as Podman 4)
     * @param layers layers done, of {@code totalLayers} announced
     * @param status the engine's last word, e.g. "Downloading"
     */
    record Progress(long bytes, long totalBytes, int layers, int totalLayers, String status) {
        /** Bytes when the engine gives sizes, else layers; 0 to 1. */
        public double fraction() {
            if (totalBytes > 0) {
                return Math.min(1.0, (double) bytes / totalBytes);
            }
            return totalLayers > 0 ? (double) layers / totalLayers : 0;
        }
    }

    void progress(String image, Progress progress);

    /** The pull ended, well or not. */
    void finished(String image, boolean pulled);

    PullListener NONE = new PullListener() {
        @Override
        public void progress(String image, Progress progress) {}

        @Override
        public void finished(String image, boolean pulled) {}
    };
}
