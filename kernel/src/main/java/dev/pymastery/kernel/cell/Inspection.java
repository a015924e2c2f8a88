package dev.pymastery.kernel.cell;

import java.util.Optional;

/** What the kernel knows about the object at the cursor; empty when nothing is there. */
public record Inspection(Optional<MimeBundle> bundle) {
    public static Inspection notFound() {
        return new Inspection(Optional.empty());
    }
}
