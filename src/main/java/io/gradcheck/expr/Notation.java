package io.gradcheck.expr;

/**
 * How a primitive is written, for the printers.
 *
 * <p>{@code text} and {@code latex} are templates: {@code #1}, {@code #2} stand for the arguments as printed,
 * {@code @1}, {@code @2} for the arguments wrapped in parentheses unless they bind at least as tightly as
 * {@code precedence} and {@code $1}, {@code $2} also at equal precedence. Where the two forms bind differently
 * (inv(A) is a call in text but A^{-1} in LaTeX), {@code latexPrecedence} says how the LaTeX form binds.
 */
public record Notation(String text, String latex, int precedence, int latexPrecedence) {

    /** Most notations bind the same in text and in LaTeX. */
    public Notation(String text, String latex, int precedence) {
        this(text, latex, precedence, precedence);
    }

    public static final int ADDITIVE = 1;
    public static final int MULTIPLICATIVE = 2;
    public static final int UNARY = 3;
    public static final int POWER = 4;
    public static final int ATOM = 6;

    /** name(a, b) in text; \operatorname or a macro in LaTeX. */
    public static Notation function(String name, String latexName, int arity) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i <= arity; i++) {
            args.append(i > 1 ? ", " : "").append('#').append(i);
        }
        return new Notation(name + "(" + args + ")", latexName + "\\left(" + args + "\\right)", ATOM);
    }
}
