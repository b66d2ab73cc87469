package io.gradcheck.expr.parse;

import io.gradcheck.expr.Span;

/**
 * One piece of the normalized text. {@code exp4j} is how the piece is spelled for exp4j's tokenizer; the other
 * fields say what it means, so that the tree can be built from exp4j's reverse Polish output.
 */
record Lexeme(Kind kind, String exp4j, Span span, double number, String name, int row, int col) {

    enum Kind {
        NUMBER, VARIABLE, CONSTANT, COMPONENT, TRANSPOSE_MARK, FUNCTION, OPERATOR,
        OPEN, CLOSE, COMMA;

        /** Pieces that stand for a value (exp4j outputs them in the order they were written). */
        boolean isOperand() {
            return this == NUMBER || this == VARIABLE || this == CONSTANT || this == COMPONENT
                    || this == TRANSPOSE_MARK;
        }
    }

    static Lexeme of(Kind kind, String exp4j, Span span) {
        return new Lexeme(kind, exp4j, span, 0, exp4j, -1, -1);
    }

    static Lexeme number(double value, String text, Span span) {
        return new Lexeme(Kind.NUMBER, text, span, value, text, -1, -1);
    }

    static Lexeme component(String variable, int row, int col, Span span) {
        // a dot cannot occur in a declared name, so this spelling never collides with one
        String spelled = col < 0 ? variable + "." + (row + 1) : variable + "." + (row + 1) + "." + (col + 1);
        return new Lexeme(Kind.COMPONENT, spelled, span, 0, variable, row, Math.max(col, 0));
    }

    /** The text as the person wrote it, for messages. */
    String shown(String source) {
        return source.substring(span.start(), span.end());
    }
}
