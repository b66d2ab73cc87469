package io.gradcheck.expr.parse;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Limits;
import java.util.List;

/**
 * Text → tree: lex (plain text or LaTeX, one token stream), rewrite what learners type into the plain notation,
 * check the order of the tokens, let exp4j order them, build the typed tree. One parse for all.
 */
public final class Parser {

    private Parser() {
    }

    public static ParsedExpression parse(String text, Declarations declarations) {
        return parse(text, declarations, Limits.DEFAULT, null);
    }

    public static ParsedExpression parse(String text, Declarations declarations, Limits limits) {
        return parse(text, declarations, limits, null);
    }

    /**
     * Reads text in the given notation; a null notation is guessed from the text ({@link InputNotation#guess}).
     * A text read recently against the same declarations, limits and notation is not read again
     * ({@link ParseCache}).
     */
    public static ParsedExpression parse(String text, Declarations declarations, Limits limits, InputNotation notation) {
        ParseCache.Key key = ParseCache.key(text, declarations, limits, notation);
        ParsedExpression known = key == null ? null : ParseCache.get(key);
        if (known != null) {
            return known;
        }
        ParsedExpression parsed = parse(text, declarations, limits, notation, 0);
        if (key != null) {
            ParseCache.put(key, parsed);
        }
        return parsed;
    }

    /**
     * Reads a piece of a longer text, the piece starting at {@code origin} in it (an entry of a LaTeX matrix): an
     * error's span, and a position its message names, point into the longer text, the text as sent.
     */
    static ParsedExpression parse(String text, Declarations declarations, Limits limits, InputNotation notation,
            int origin) {
        try {
            return read(text, declarations, limits, notation, origin);
        } catch (ExpressionException e) {
            if (origin == 0) {
                throw e;
            }
            throw new ExpressionException(e.kind(), e.getMessage(), e.span().shifted(origin));
        }
    }

    private static ParsedExpression read(String text, Declarations declarations, Limits limits,
            InputNotation notation, int origin) {
        if (text == null || text.isBlank()) {
            throw new ExpressionException(Kind.SYNTAX, "the expression is empty");
        }
        if (text.length() > limits.maxLength()) {
            throw new ExpressionException(Kind.LIMIT_EXCEEDED, "the expression is " + text.length()
                    + " characters long; the limit is " + limits.maxLength());
        }
        text = AsciiDigits.of(text);
        InputNotation read = notation == null ? InputNotation.guess(text) : notation;
        List<Lexeme> lexemes = Lexer.lex(text, declarations, read == InputNotation.LATEX);
        lexemes = LearnerNotation.rewrite(lexemes, text, limits, origin);
        Grammar.check(lexemes, text, limits, origin);
        var rpn = Exp4jFrontEnd.toReversePolish(lexemes);
        TreeBuilder builder = new TreeBuilder(text, lexemes, declarations, limits);
        return new ParsedExpression(text, builder.build(rpn), declarations, builder.cost(), read);
    }
}
