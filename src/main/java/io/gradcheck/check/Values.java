package io.gradcheck.check;

import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tensors to and from the API's nested JSON arrays, and as text in messages: the one place that lays out a
 * tensor's entries, and the one transpose of check/.
 */
final class Values {

    private Values() {
    }

    /**
     * A fixed value as the API writes it: a number, [a, b, c] for a vector, [[..], [..]] for a matrix. Read once
     * per check straight into the tensor's array (no intermediate list of boxed numbers).
     */
    static Tensor read(String name, Object value, Shape shape) {
        if (value instanceof NumericValue v) {
            return read(name, v, shape);
        }
        double[] d = new double[shape.size()];
        if (value instanceof Number n) {
            if (shape.size() != 1) {
                throw bad(name, shape);
            }
            d[0] = number(name, n, shape);
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof List<?>) {
            if (list.size() != shape.rows()) {
                throw bad(name, shape);
            }
            int cols = shape.cols();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof List<?> r) || r.size() != cols) {
                    throw bad(name, shape);
                }
                for (int j = 0; j < cols; j++) {
                    d[i * cols + j] = number(name, r.get(j), shape);
                }
            }
        } else if (value instanceof List<?> list) {
            if (list.size() != shape.rows() || shape.cols() != 1) {
                throw bad(name, shape);
            }
            for (int i = 0; i < list.size(); i++) {
                d[i] = number(name, list.get(i), shape);
            }
        } else {
            throw bad(name, shape);
        }
        return new Tensor(shape, d);
    }

    /**
     * The same rules as for a number or lists (a number fits any one-entry shape, [n] a column of n, m rows of n
     * an m × n matrix), without a copy: the reader's array becomes the tensor's, once per check. Anything the
     * reader could not take ({@link NumericValue.Unreadable}) falls to {@link #read}'s last branch.
     */
    private static Tensor read(String name, NumericValue v, Shape shape) {
        int[] dims = v.dims();
        boolean fits = switch (dims.length) {
            case 0 -> shape.size() == 1;
            case 1 -> dims[0] == shape.rows() && shape.cols() == 1;
            default -> dims[0] == shape.rows() && dims[1] == shape.cols();
        };
        if (!fits) {
            throw bad(name, shape);
        }
        return new Tensor(shape, v.data()); // finite: NumericValue's own rule
    }

    private static double number(String name, Object x, Shape shape) {
        if (x instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw bad(name, shape);
    }

    private static CheckException bad(String name, Shape shape) {
        return new CheckException(CheckException.Kind.BAD_REQUEST, "the value of " + name + " must be "
                + (shape.isScalar() ? "a number" : shape.isVector() ? "an array of " + shape.rows() + " numbers"
                : shape.rows() + " rows of " + shape.cols() + " numbers") + ", as its shape " + shape.dims() + " says");
    }

    /** A tensor as the API writes it: a number, a list, or a list of rows (lists of unboxed numbers). */
    static Object write(Tensor t) {
        Shape s = t.shape();
        if (s.isScalar()) {
            return t.data()[0];
        }
        return s.isVector() ? NumberList.of(t.data()) : NumberList.rows(t.data(), s.rows(), s.cols());
    }

    /** A tensor as messages write it: 0.5, [0.5, -1.2] or [[1, 2], [3, 4]], numbers as {@link #format}. */
    static String text(Tensor t) {
        return text(write(t));
    }

    private static String text(Object nested) {
        if (nested instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(x -> items.add(text(x)));
            return "[" + String.join(", ", items) + "]";
        }
        return format((Double) nested);
    }

    /** A whole number without decimals, anything else to six significant digits. */
    static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d)
                : String.format(Locale.ROOT, "%.6g", d);
    }

    /** The transpose of a rows × cols matrix stored row-major. */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    /** (M + Mᵀ)/2 of an n × n matrix stored row-major. */
    static double[] symmetricPart(double[] m, int n) {
        double[] t = transpose(m, n, n);
        double[] s = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            s[i] = (m[i] + t[i]) / 2;
        }
        return s;
    }
}
