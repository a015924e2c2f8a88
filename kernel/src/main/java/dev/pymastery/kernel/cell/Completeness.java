package dev.pymastery.kernel.cell;

/** Whether a console should run the code on Enter or open a new line. */
public sealed interface Completeness {
    record Complete() implements Completeness {}

    /** More lines are needed; {@code indent} is what the next line should start with. */
    record Incomplete(String indent) implements Completeness {}

    record Invalid() implements Completeness {}

    record Unknown() implements Completeness {}
}
