package io.gradcheck.check;

import io.gradcheck.expr.Shape;
import java.util.Locale;

/**
 * How a derivative is written out (DESIGN.md §3). Every layout is turned into one internal form, the
 * "Jacobian form": a (size of f) × (size of wrt) matrix, both flattened row-major, so that one contraction
 * with a direction serves them all.
 */
public enum Layout {
    GRADIENT, NUMERATOR, DENOMINATOR, FLATTENED;

    public static Layout parse(String text, Shape f) {
        if (text == null || text.isBlank()) {
            return f.isScalar() ? GRADIENT : NUMERATOR;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "layout `" + text
                    + "` is not one of gradient, numerator, denominator, flattened");
        }
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The shape an answer has in this layout, or null where the layout does not apply to these shapes. */
    public Shape answerShape(Shape f, Shape wrt) {
        int m = f.size();
        int n = wrt.size();
        boolean atMostVectors = !f.isMatrix() && !wrt.isMatrix();
        return switch (this) {
            case GRADIENT -> f.isScalar() ? wrt : null;
            case NUMERATOR -> atMostVectors ? new Shape(m, n) : null;
            case DENOMINATOR -> atMostVectors ? new Shape(n, m) : null;
            case FLATTENED -> new Shape(m, n);
        };
    }

    /** Entry (i, j) of the Jacobian form, read from an answer of {@link #answerShape}: row-major throughout. */
    public double[] toJacobianForm(double[] answer, Shape f, Shape wrt) {
        // a denominator-layout answer is n × m: its transpose is the m × n Jacobian form
        return this == DENOMINATOR ? Values.transpose(answer, wrt.size(), f.size()) : answer;
    }

    /** The layouts in which an answer of this shape would make sense, for a wrong-shape message. */
    public static Layout suggestedBy(Shape answer, Shape f, Shape wrt) {
        for (Layout l : values()) {
            if (answer.equals(l.answerShape(f, wrt))) {
                return l;
            }
        }
        return null;
    }
}
