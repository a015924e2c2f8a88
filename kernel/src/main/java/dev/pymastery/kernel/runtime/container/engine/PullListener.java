package dev.pymastery.kernel.runtime.container.engine;

/** Hears how an image pull goes; called on the thread that launches. */
public interface PullListener {
    /** Bytes fetched so far of those known ({@code total} grows as layers announce themselves). */
    void progress(String image, long current, long total, String status);

    /** The pull ended, well or not. */
    void finished(String image, boolean pulled);

    PullListener NONE = new PullListener() {
        @Override
        public void progress(String image, long current, long total, String status) {}

        @Override
        public void finished(String image, boolean pulled) {}
    };
}
