package io.gradcheck.checks;

import io.gradcheck.check.NumericValue;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a variable's fixed {@code value} token by token into a {@code double[]} (issue 16): a number, an array of
 * numbers, or an array of equal rows of numbers becomes a {@link NumericValue}, with no tree and no boxed
 * {@code Double} on the way (a 1000 × 1000 A was ~50 MB of boxed lists, then copied at every check).
 *
 * <p>Anything else (a string, an object, a null entry, deeper nesting, a mixed or ragged array) is skipped and
 * handed on as {@link NumericValue.Unreadable}, which no shape accepts: the check refuses it with the message it
 * gave when such a value arrived as lists ("the value of A must be 2 rows of 2 numbers, as its shape [2, 2]
 * says"), since that message depends only on the name and the declared shape. A JSON {@code null} value is
 * still "no value" (Jackson does not call a reader for it).
 *
 * <p>Memory is bounded: the array grows only up to {@code maxEntries} (gradcheck.engine.max-entries, the most a
 * declaration may have); a value with more entries stops being stored there, the rest is skipped, and it is
 * unreadable too — more entries than any declarable shape holds.
 */
final class FixedValueReader extends ValueDeserializer<Object> {

    /** A number beyond a double's range (1e400): {@link NumericValue} holds finite entries only. */
    private static final String NOT_FINITE = "an entry is beyond about 1.8e308";

    private final int maxEntries;

    FixedValueReader(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonToken t = p.currentToken();
        if (t != null && t.isNumeric()) {
            double x = p.getDoubleValue();
            return Double.isFinite(x) ? NumericValue.scalar(x) : unreadable(p, 0, NOT_FINITE);
        }
        if (t != JsonToken.START_ARRAY) {
            return unreadable(p, 0, "not a number or an array");
        }
        Entries entries = new Entries();
        t = p.nextToken();
        if (t != JsonToken.START_ARRAY) { // a vector: [a, b, c] (or [])
            for (; t != null && t.isNumeric(); t = p.nextToken()) {
                String refused = store(p, entries);
                if (refused != null) {
                    return unreadable(p, 1, refused);
                }
            }
            return t == JsonToken.END_ARRAY ? NumericValue.vector(entries.array())
                    : unreadable(p, 1, "an entry is not a number");
        }
        int rows = 0;
        int cols = -1;
        for (; t == JsonToken.START_ARRAY; t = p.nextToken()) { // a matrix: rows of numbers, all as long
            int n = 0;
            for (t = p.nextToken(); t != null && t.isNumeric(); t = p.nextToken(), n++) {
                String refused = store(p, entries);
                if (refused != null) {
                    return unreadable(p, 2, refused);
                }
            }
            if (t != JsonToken.END_ARRAY) {
                return unreadable(p, 2, "an entry of row " + rows + " is not a number");
            }
            if (cols >= 0 && n != cols) {
                return unreadable(p, 1, "row " + rows + " has " + n + " entries, row 0 has " + cols);
            }
            if (cols < 0) {
                entries.hint = (long) n * n; // most fixed matrices are square: end on exactly n × n
            }
            cols = n;
            rows++;
        }
        return t == JsonToken.END_ARRAY ? NumericValue.matrix(rows, cols, entries.array())
                : unreadable(p, 1, "an entry after row " + rows + " is not a row");
    }

    /** Stores the number under the parser, or says why it cannot be stored (then nothing is). */
    private String store(JsonParser p, Entries entries) {
        double x = p.getDoubleValue();
        if (!Double.isFinite(x)) {
            return NOT_FINITE;
        }
        return entries.add(x) ? null : "more than " + maxEntries + " entries";
    }

    /**
     * Skips the rest of the value: the current token (and what it opens) and whatever is left of the {@code open}
     * arrays around it, leaving the parser on the value's last token as a reader must.
     */
    private static NumericValue.Unreadable unreadable(JsonParser p, int open, String why) {
        p.skipChildren();
        while (open > 0) {
            JsonToken t = p.nextToken();
            if (t == null) {
                break; // truncated input: the parser reports it
            }
            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                p.skipChildren();
            } else if (t == JsonToken.END_ARRAY) {
                open--;
            }
        }
        return new NumericValue.Unreadable(why);
    }

    /**
     * A growing double[], never longer than maxEntries. It grows fourfold (a 1000 × 1000 matrix: ~12 MB allocated
     * in all for its 8 MB), and stops at the hinted size when it passes it, so that a square matrix needs no
     * trimming copy; the hint alone never allocates (a 1 × 1000 row does not reserve a million entries).
     */
    private final class Entries {

        private double[] data = new double[Math.min(16, maxEntries)];
        private int size;
        private long hint;

        boolean add(double x) {
            if (size == data.length) {
                if (size >= maxEntries) {
                    return false;
                }
                long grown = 4L * data.length + 16;
                if (hint > data.length && hint < grown) {
                    grown = hint;
                }
                data = Arrays.copyOf(data, (int) Math.min(maxEntries, grown));
            }
            data[size++] = x;
            return true;
        }

        double[] array() {
            return data.length == size ? data : Arrays.copyOf(data, size);
        }
    }
}
