package io.gradcheck.check;

import java.util.Arrays;

/**
 * A fixed value as read from JSON straight into primitives (issue 16): {@code dims} are [] for a number, [n] for
 * an array of n numbers, [m, n] for m rows of n numbers; {@code data} holds the entries row by row. The boxed
 * {@code List<List<Double>>} it replaces cost ~50 bytes an entry and a copy at every check; this is read once.
 * Whether it fits a declared shape is {@link Values#read}'s to say, with the same words as for a list.
 *
 * <p>{@link #toString()} writes it as the nested lists did ({@code [[2, 1], [1, 3]]}): whole numbers without a
 * decimal point, as a JSON document that wrote them so read back.
 *
 * <p>Every entry is finite, checked here once: a check reads the value as it is at every check of its request or
 * definition, without scanning it again (a 1000 × 1000 A: 0.3–0.5 ms a check).
 */
public record NumericValue(int[] dims, double[] data) {

    /** Numbers below this are whole exactly as doubles and as longs (2⁵³). */
    private static final double EXACT_LONG = 0x1p53;

    public NumericValue {
        if (dims.length > 2) {
            throw new IllegalArgumentException("a number, a vector or a matrix, not " + dims.length + " dims");
        }
        long size = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException(data.length + " entries for dims " + Arrays.toString(dims));
        }
        for (double x : data) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("an entry is not finite: " + x);
            }
        }
    }

    public static NumericValue scalar(double x) {
        return new NumericValue(new int[0], new double[] {x});
    }

    public static NumericValue vector(double... x) {
        return new NumericValue(new int[] {x.length}, x);
    }

    public static NumericValue matrix(int rows, int cols, double[] rowMajor) {
        return new NumericValue(new int[] {rows, cols}, rowMajor);
    }

    /** Whether an entry is written without a decimal point (a whole number a long holds exactly; not −0). */
    public static boolean isWhole(double d) {
        return d == Math.rint(d) && Math.abs(d) < EXACT_LONG && !(d == 0 && 1 / d < 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericValue v && Arrays.equals(dims, v.dims) && Arrays.equals(data, v.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        if (dims.length == 0) {
            return entry(data[0]);
        }
        int cols = dims.length == 1 ? data.length : dims[1];
        int rows = dims.length == 1 ? 1 : dims[0];
        StringBuilder s = new StringBuilder();
        s.append(dims.length == 2 ? "[" : "");
        for (int i = 0; i < rows; i++) {
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < cols; j++) {
                s.append(j == 0 ? "" : ", ").append(entry(data[i * cols + j]));
            }
            s.append(']');
        }
        return s.append(dims.length == 2 ? "]" : "").toString();
    }

    private static String entry(double d) {
        return isWhole(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /**
     * What the reader hands on instead of a value that is not a number, an array of numbers or an array of equal
     * rows of numbers (a string, an object, a null entry, deeper nesting, ragged rows), or that has more entries
     * than any declaration may ({@code gradcheck.engine.max-entries}; the reader stopped storing there). No shape
     * accepts it, so a check refuses it exactly as it refused such a value as a list: the shape's own message.
     */
    public record Unreadable(String why) {
    }
}
