package dev.pymastery.checks;

import java.util.Arrays;
import java.util.Locale;

/**
 * A sequence of the course's units: the 24 weeks, or a track of labs beside them (the Architect
 * track). A check id starts with its track's letter and the unit's number ({@code w05.lab.step} is
 * week 5, {@code a03.lab.step} is the Architect track's lab 3).
 */
public enum Track {
    WEEK('w', "Week"),
    ARCHITECT('a', "Architect lab");

    private final char letter;
    private final String noun;

    Track(char letter, String noun) {
        this.letter = letter;
        this.noun = noun;
    }

    /** The name in check files and on the command line: {@code week}, {@code architect}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The letter check ids of this track start with. */
    public char letter() {
        return letter;
    }

    /**
     * Whether a unit's code or a check id ({@code w05}, {@code a03.lab.step}) is of this track: it
     * starts with the track's letter.
     */
    public boolean owns(String unitOrCheckId) {
        return !unitOrCheckId.isEmpty() && unitOrCheckId.charAt(0) == letter;
    }

    /** A unit's short code, as in check ids: {@code w05}, {@code a03}. */
    public String code(int number) {
        return String.format(Locale.ROOT, "%c%02d", letter, number);
    }

    /** A unit's name for people: {@code Week 5}, {@code Architect lab 3}. */
    public String label(int number) {
        return noun + " " + number;
    }

    /** The track of a {@link #key()}. */
    public static Track of(String key) {
        for (Track track : values()) {
            if (track.key().equals(key)) {
                return track;
            }
        }
        throw new IllegalArgumentException("unknown track '" + key + "'; use one of "
                + Arrays.stream(values()).map(Track::key).toList());
    }

    /** The track whose check ids start with {@code letter}. */
    static Track ofLetter(char letter) {
        for (Track track : values()) {
            if (track.letter == letter) {
                return track;
            }
        }
        throw new IllegalArgumentException("no track has the letter '" + letter + "'");
    }
}
