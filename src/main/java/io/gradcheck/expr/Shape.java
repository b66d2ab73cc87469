package io.gradcheck.expr;

import java.util.List;

/**
 * The shape of a value: rows × cols. A vector is a column (n×1); a 1×1 value is a scalar.
 * Storage everywhere is row-major.
 */
public record Shape(int rows, int cols) {

    public static final Shape SCALAR = new Shape(1, 1);

    public Shape {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("shape sizes must be positive: " + rows + "×" + cols);
        }
    }

    public static Shape vector(int n) {
        return new Shape(n, 1);
    }

    public static Shape matrix(int rows, int cols) {
        return new Shape(rows, cols);
    }

    /** Reads a shape as the API writes it: [] scalar, [n] vector, [m, n] matrix. */
    public static Shape of(List<Integer> dims) {
        return switch (dims.size()) {
            case 0 -> SCALAR;
            case 1 -> vector(dims.get(0));
            case 2 -> matrix(dims.get(0), dims.get(1));
            default -> throw new IllegalArgumentException("a shape has at most two sizes");
        };
    }

    public boolean isScalar() {
        return rows == 1 && cols == 1;
    }

    public boolean isVector() {
        return cols == 1 && rows > 1;
    }

    public boolean isMatrix() {
        return cols > 1;
    }

    public boolean isSquare() {
        return rows == cols;
    }

    public int rank() {
        return isScalar() ? 0 : isVector() ? 1 : 2;
    }

    /** Entries, for arrays; only shapes within the entry limit are ever allocated. */
    public int size() {
        return Math.multiplyExact(rows, cols);
    }

    /** Entries without overflow, for checking the limit before anything is allocated. */
    public long entries() {
        return (long) rows * cols;
    }

    public Shape transposed() {
        return new Shape(cols, rows);
    }

    /** The shape as the API writes it. */
    public List<Integer> dims() {
        return switch (rank()) {
            case 0 -> List.of();
            case 1 -> List.of(rows);
            default -> List.of(rows, cols);
        };
    }

    @Override
    public String toString() {
        return rows + "×" + cols;
    }
}
