package io.gradcheck.expr.parse;

import io.gradcheck.expr.Span;

/**
 * One token of the stream both front ends (plain text and LaTeX) produce. {@code text} says what the token is
 * in the language (a name, an operator, a number as written), never how exp4j spells it: that is the exp4j
 * adapter's business. Some kinds only exist between the lexer and {@link LearnerNotation}, which rewrites them
 * into the plain kinds (a prime into ^T, bars into abs or norm).
 */
record Lexeme(Kind kind, String text, Span span, double number, int row, int col) {

    /** Spelling of a function written with bars, |x|, so that |A| of a square matrix can be questioned. */
    static final String BAR_ABS = "abs|";

    enum Kind {
        NUMBER, VARIABLE, CONSTANT, COMPONENT, TRANSPOSE_MARK, IDENTITY, FUNCTION, OPERATOR,
        OPEN, CLOSE, COMMA,
        /** x' (and ^T, ^{\top} once read): transpose what stands before. */
        PRIME,
        /** | or ‖; {@code number} says which side: 0 either, 1 opening, 2 closing. */
        BAR,
        /** The subscript of a norm: 1, 2 or F. */
        NORM_INDEX;

        /** Pieces that stand for a value (exp4j outputs them in the order they were written). */
        boolean isOperand() {
            return this == NUMBER || this == VARIABLE || this == CONSTANT || this == COMPONENT
                    || this == TRANSPOSE_MARK || this == IDENTITY;
        }
    }

    static Lexeme of(Kind kind, String text, Span span) {
        return new Lexeme(kind, text, span, 0, -1, -1);
    }

    static Lexeme number(double value, String text, Span span) {
        return new Lexeme(Kind.NUMBER, text, span, value, -1, -1);
    }

    static Lexeme component(String variable, int row, int col, Span span) {
        return new Lexeme(Kind.COMPONENT, variable, span, 0, row, Math.max(col, 0));
    }

    static Lexeme bar(String bar, int side, Span span) {
        return new Lexeme(Kind.BAR, bar, span, side, -1, -1);
    }

    /** A function taking {@code arity} arguments (set once the arguments are counted). */
    static Lexeme function(String name, int arity, Span span) {
        return new Lexeme(Kind.FUNCTION, name, span, 0, -1, arity);
    }

    int arity() {
        return col;
    }

    Lexeme withText(String newText) {
        return new Lexeme(kind, newText, span, number, row, col);
    }

    Lexeme withArity(int arity) {
        return new Lexeme(kind, text, span, number, row, arity);
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    /** The text as the person wrote it, for messages. */
    String shown(String source) {
        return source.substring(span.start(), span.end());
    }

    /** The name of the thing, for messages: functions by their catalogue name. */
    String name() {
        return BAR_ABS.equals(text) ? "abs" : text;
    }
}
