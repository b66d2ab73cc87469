package io.gradcheck.check;

import java.util.Locale;

/**
 * What a part's answer is, in one word: the diagnoser's findings (transposed … wrong), and the kinds that come
 * with the other verdicts (correct, unreadable, inconclusive). On the wire in lower case.
 */
public enum DiagnosisKind {
    CORRECT, TRANSPOSED, NEGATED, SCALED, SYMMETRIC_ONLY, PARTIALLY_CORRECT, WRONG_SHAPE, UNDEFINED, WRONG,
    /** A numeric answer close to the derivative but short of the problem's significant digits (a rounding). */
    INACCURATE,
    UNREADABLE, INCONCLUSIVE;

    /** The lower-case word, where no JSON mapper writes it (a database column, a metric tag, a YAML key). */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for what a wrong answer can be diagnosed as (what a problem's known wrong answers may state). */
    public boolean isDiagnosisOfAWrongAnswer() {
        return this != CORRECT && this != UNREADABLE && this != INCONCLUSIVE;
    }
}
