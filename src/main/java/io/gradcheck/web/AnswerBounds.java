package io.gradcheck.web;

import io.gradcheck.expr.Limits;
import java.util.Collection;
import java.util.Map;

/**
 * Answers as sent, bounded before anything is graded or stored: an expression over the readable length can never
 * be read (the answer used to be stored all the same, up to 100,000 characters), and an entry-wise answer is at
 * most {@link #MAX_ENTRIES} entries.
 */
public final class AnswerBounds {

    public static final int MAX_LENGTH = Limits.DEFAULT.maxLength();
    public static final int MAX_ENTRIES = 10_000;

    private AnswerBounds() {
    }

    public static void check(Map<String, ?> answers) {
        for (Map.Entry<String, ?> e : answers.entrySet()) {
            check(e.getKey(), e.getValue());
        }
    }

    public static void check(String part, Object answer) {
        int[] entries = {0};
        walk(part, answer, entries);
    }

    private static void walk(String part, Object answer, int[] entries) {
        if (answer instanceof String s) {
            if (++entries[0] > MAX_ENTRIES) {
                throw new OverLimit("too-many-answer-entries", MAX_ENTRIES, "the answer for `" + part + "` has more "
                        + "than " + MAX_ENTRIES + " entries, the limit");
            }
            if (s.length() > MAX_LENGTH) {
                throw new OverLimit("answer-too-long", MAX_LENGTH, "an answer for `" + part + "` is " + s.length()
                        + " characters; expressions are read up to " + MAX_LENGTH);
            }
        } else if (answer instanceof Collection<?> c) {
            if (c.isEmpty()) {
                throw new OverLimit("empty-answer-entries", 1, "the answer for `" + part + "` has an empty list; "
                        + "an entry-wise answer is a list of rows, each with at least one entry, as "
                        + "[[\"a\", \"b\"], [\"c\", \"d\"]]");
            }
            for (Object o : c) {
                walk(part, o, entries);
            }
        }
    }
}
