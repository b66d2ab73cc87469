package io.gradcheck.check;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Numbers of a check's report (a point's values, the reference, the answer) as an immutable list read from its own
 * copy of the doubles: a list to every reader, without a boxed {@code Double} per entry. A point's evidence wrote
 * ten boxed numbers for a vector of ten, a fifth of what one more point of a small check cost; the web layer
 * writes the doubles to JSON straight from {@link #getDouble}.
 */
public final class NumberList extends AbstractList<Double> implements RandomAccess {

    private final double[] data;
    private final int offset;
    private final int size;

    private NumberList(double[] data, int offset, int size) {
        this.data = data;
        this.offset = offset;
        this.size = size;
    }

    /** The entries, copied. */
    public static NumberList of(double[] entries) {
        return new NumberList(entries.clone(), 0, entries.length);
    }

    /** A row-major matrix's rows, each a list (the entries copied once, shared by the rows). */
    static List<NumberList> rows(double[] entries, int rows, int cols) {
        double[] copy = entries.clone();
        NumberList[] r = new NumberList[rows];
        for (int i = 0; i < rows; i++) {
            r[i] = new NumberList(copy, i * cols, cols);
        }
        return List.of(r);
    }

    /** Entry i, unboxed. */
    public double getDouble(int i) {
        return data[offset + Objects.checkIndex(i, size)];
    }

    @Override
    public Double get(int i) {
        return getDouble(i);
    }

    @Override
    public int size() {
        return size;
    }
}
