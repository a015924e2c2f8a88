package dev.pymastery.runner.compare;

/**
 * What the comparison looks at besides nbval's defaults.
 *
 * @param compareImages compare {@code image/*} data too (nbval compares images only with nbdime)
 * @param compareErrorValues compare an error's {@code evalue} as well as its {@code ename}
 */
public record ComparisonOptions(Sanitizer sanitizer, boolean compareImages, boolean compareErrorValues) {

    public static ComparisonOptions defaults() {
        return new ComparisonOptions(Sanitizer.NONE, false, false);
    }
}
