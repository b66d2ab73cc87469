package io.gradcheck.check;

import java.util.Locale;

/**
 * The outcome of a check or of one of its parts. On the wire in lower case (one Jackson setting in
 * application.properties), so that this core stays free of annotations.
 */
public enum Verdict {
    CORRECT, INCORRECT, INVALID, INCONCLUSIVE;

    /** The lower-case word, where no JSON mapper writes it (a database column, a metric tag, a YAML key). */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict of a whole check: the worst of its parts, invalid before incorrect before inconclusive. */
    static Verdict overall(Iterable<Verdict> parts) {
        Verdict worst = CORRECT;
        for (Verdict v : parts) {
            if (v.severity() > worst.severity()) {
                worst = v;
            }
        }
        return worst;
    }

    private int severity() {
        return switch (this) {
            case CORRECT -> 0;
            case INCONCLUSIVE -> 1;
            case INCORRECT -> 2;
            case INVALID -> 3;
        };
    }
}
