package dev.pymastery.kernel.runtime.container.engine;

/** The image is not on the engine's machine and could not be pulled. */
public final class ImageUnavailableException extends EngineException {
    private final String image;

    public ImageUnavailableException(String image, String reason) {
        super(404, reason);
        this.image = image;
    }

    public String image() {
        return image;
    }
}
