package io.gradcheck.expr;

import java.util.Arrays;

/** A plain value: a shape and its entries, row-major. */
public record Tensor(Shape shape, double[] data) {

    public Tensor {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("expected " + shape.size() + " entries for " + shape + ", got " + data.length);
        }
    }

    public static Tensor scalar(double v) {
        return new Tensor(Shape.SCALAR, new double[] {v});
    }

    public double get(int row, int col) {
        return data[row * shape.cols() + col];
    }

    public boolean allFinite() {
        for (double d : data) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.shape.equals(shape) && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return shape + Arrays.toString(data);
    }
}
