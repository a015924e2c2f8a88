package dev.pymastery.runner.compare;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cell asks of the runner, as nbval reads it: from tags ({@code nbval-skip},
 * {@code nbval-ignore-output}, {@code nbval-check-output}, {@code nbval-raises-exception},
 * {@code raises-exception}; the comment spelling {@code NBVAL_SKIP} works as a tag too) and from
 * comment lines holding only the marker ({@code # NBVAL_SKIP}). As in nbval, any whole-line comment
 * of the cell counts, not only the first line, and a comment wins over a tag of the same kind.
 *
 * @param checkOutput whether to compare outputs; empty means the run's default (compare unless lax)
 */
public record Markers(boolean skip, Optional<Boolean> checkOutput, boolean raisesException) {

    public static final Markers NONE = new Markers(false, Optional.empty(), false);

    public static Markers of(List<String> tags, String source) {
        Markers fromTags = fromTags(tags);
        Markers fromComments = fromComments(source);
        return new Markers(
                fromTags.skip || fromComments.skip,
                fromComments.checkOutput.or(fromTags::checkOutput),
                fromTags.raisesException || fromComments.raisesException);
    }

    private static Markers fromTags(List<String> tags) {
        Markers markers = NONE;
        for (String tag : tags) {
            markers = markers.with(tag.strip().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return markers;
    }

    private static final Pattern COMMENT_MARKER =
            Pattern.compile("(NBVAL_[A-Z_]+|PYTEST_VALIDATE_IGNORE_OUTPUT)(?![A-Za-z0-9_])");

    private static Markers fromComments(String source) {
        Markers markers = NONE;
        for (String line : source.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                // The marker may be followed by a reason: "# NBVAL_SKIP: needs ruff".
                Matcher marker =
                        COMMENT_MARKER.matcher(stripped.replaceFirst("^#+", "").strip());
                if (marker.lookingAt()) {
                    markers = markers.with(
                            marker.group(1).toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
        }
        return markers;
    }

    private Markers with(String marker) {
        return switch (marker) {
            case "nbval-skip" -> new Markers(true, checkOutput, raisesException);
            case "nbval-ignore-output", "pytest-validate-ignore-output" ->
                new Markers(skip, Optional.of(false), raisesException);
            case "nbval-check-output" -> new Markers(skip, Optional.of(true), raisesException);
            case "nbval-raises-exception", "raises-exception" -> new Markers(skip, checkOutput, true);
            default -> this;
        };
    }
}
