package io.gradcheck.expr.parse;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The variables an expression may use, with their shapes; validated once, on creation. */
public final class Declarations {

    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{Nd}_]*");

    private final Map<String, Shape> shapes;

    private Declarations(Map<String, Shape> shapes) {
        this.shapes = shapes;
    }

    public static Declarations of(Map<String, Shape> shapes) {
        return of(shapes, Limits.DEFAULT);
    }

    public static Declarations of(Map<String, Shape> shapes, Limits limits) {
        Map<String, Shape> copy = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            checkName(name);
            if (shape.entries() > limits.maxEntries()) {
                throw new ExpressionException(Kind.LIMIT_EXCEEDED, "variable " + name + " is declared " + shape
                        + ", which is " + shape.entries() + " entries; the limit is " + limits.maxEntries());
            }
            copy.put(name, shape);
        });
        return new Declarations(Collections.unmodifiableMap(copy));
    }

    /** Reads the API's form: name → [] | [n] | [m, n]. */
    public static Declarations fromDims(Map<String, List<Integer>> dims, Limits limits) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        dims.forEach((name, d) -> shapes.put(name, shapeOf(name, d, limits)));
        return of(shapes, limits);
    }

    public static Shape shapeOf(String name, List<Integer> dims, Limits limits) {
        List<Integer> d = dims == null ? List.of() : dims;
        if (d.size() > 2) {
            throw new ExpressionException(Kind.INVALID_DECLARATION, "variable " + name + " has shape " + d
                    + ": a shape is [] for a scalar, [n] for a vector or [m, n] for a matrix");
        }
        long entries = 1;
        for (Integer n : d) {
            if (n == null || n < 1) {
                throw new ExpressionException(Kind.INVALID_DECLARATION, "variable " + name + " has shape " + d
                        + ": every size must be a whole number of at least 1");
            }
            entries *= n;
            if (entries > limits.maxEntries()) {
                throw new ExpressionException(Kind.LIMIT_EXCEEDED, "variable " + name + " is declared with shape " + d
                        + ", more than the limit of " + limits.maxEntries() + " entries");
            }
        }
        return Shape.of(d);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ExpressionException(Kind.INVALID_DECLARATION, "`" + name + "` cannot be a variable name: "
                    + "start with a letter, then letters, digits or _");
        }
        if (Catalogue.isReserved(name)) {
            throw new ExpressionException(Kind.INVALID_DECLARATION, "`" + name + "` is reserved ("
                    + (Catalogue.TRANSPOSE_MARK.equals(name) ? "the transpose mark, as in x^T"
                    : Catalogue.constant(name) != null ? "a constant" : "a function")
                    + ") and cannot be declared as a variable");
        }
    }

    public Shape shape(String name) {
        return shapes.get(name);
    }

    public boolean contains(String name) {
        return shapes.containsKey(name);
    }

    public Map<String, Shape> shapes() {
        return shapes;
    }

    /** For messages: "x, A", or "none" when nothing is declared. */
    public String describe() {
        return shapes.isEmpty() ? "none" : String.join(", ", shapes.keySet());
    }
}
