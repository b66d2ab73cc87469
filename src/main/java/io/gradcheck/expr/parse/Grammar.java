package io.gradcheck.expr.parse;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Checks the order of the pieces before exp4j sees them, so that every mistake gets a sentence and a position
 * (exp4j itself would only say "mismatched parentheses" or fail on an empty stack): a missing operand, an
 * unclosed parenthesis, a function without its parentheses or with the wrong number of arguments.
 */
final class Grammar {

    private Grammar() {
    }

    private record Frame(Lexeme open, Lexeme function, int arguments) {
        Frame withArgument() {
            return new Frame(open, function, arguments + 1);
        }
    }

    /** {@code origin}: where the text starts in the text as sent, so that a position a message names points there. */
    static void check(List<Lexeme> lexemes, String source, Limits limits, int origin) {
        if (lexemes.isEmpty()) {
            throw new ExpressionException(Kind.SYNTAX, "the expression is empty");
        }
        Deque<Frame> frames = new ArrayDeque<>();
        boolean expectOperand = true;
        Lexeme previous = null;
        for (int i = 0; i < lexemes.size(); i++) {
            Lexeme l = lexemes.get(i);
            switch (l.kind()) {
                case NUMBER, VARIABLE, CONSTANT, COMPONENT, IDENTITY -> {
                    if (!expectOperand && previous.kind() == Lexeme.Kind.NUMBER && l.kind() == Lexeme.Kind.NUMBER) {
                        throw at(l, "two numbers in a row (" + previous.shown(source) + " " + l.shown(source)
                                + "); write * between them to multiply");
                    }
                    expectOperand = false;
                }
                case TRANSPOSE_MARK -> {
                    if (previous == null || !previous.is(Lexeme.Kind.OPERATOR, "^")) {
                        throw at(l, "T is the transpose mark and goes after ^, as in x^T");
                    }
                    expectOperand = false;
                }
                case FUNCTION -> {
                    Lexeme next = i + 1 < lexemes.size() ? lexemes.get(i + 1) : null;
                    if (next == null || next.kind() != Lexeme.Kind.OPEN) {
                        throw at(l, "the function " + l.name() + " needs its argument in parentheses, as in "
                                + l.name() + "(x)");
                    }
                    frames.push(new Frame(next, l, 1));
                    i++;
                    previous = next;
                    expectOperand = true;
                    depth(frames, next, limits);
                    continue;
                }
                case OPEN -> {
                    frames.push(new Frame(l, null, 1));
                    depth(frames, l, limits);
                    expectOperand = true;
                }
                case CLOSE -> {
                    if (frames.isEmpty()) {
                        throw at(l, "this `)` has no matching `(`");
                    }
                    if (expectOperand) {
                        throw missingOperand(previous, l, source);
                    }
                    Frame f = frames.pop();
                    if (!pairs(f.open().text(), l.text())) {
                        throw at(l, "this `" + l.shown(source) + "` does not close the `" + f.open().shown(source)
                                + "` at position " + f.open().span().shifted(origin).position()
                                + "; close what you opened, "
                                + "( with ), { with }, [ with ]");
                    }
                    if (f.function() != null) {
                        checkArity(f, l);
                    }
                }
                case COMMA -> {
                    if (frames.isEmpty() || frames.peek().function() == null) {
                        throw at(l, "a comma only separates the arguments of a function, as in max(a, b)");
                    }
                    if (expectOperand) {
                        throw missingOperand(previous, l, source);
                    }
                    frames.push(frames.pop().withArgument());
                    expectOperand = true;
                }
                case OPERATOR -> {
                    boolean unary = l.text().equals("+") || l.text().equals("-");
                    if (expectOperand && !unary) {
                        if (previous == null) {
                            throw at(l, "missing operand before `" + l.shown(source) + "`");
                        }
                        throw missingOperand(previous, l, source);
                    }
                    expectOperand = true;
                }
            }
            previous = l;
        }
        if (expectOperand) {
            throw missingOperand(previous, null, source);
        }
        if (!frames.isEmpty()) {
            Frame f = frames.peek();
            throw at(f.open(), "this `(` is never closed");
        }
    }

    private static void depth(Deque<Frame> frames, Lexeme at, Limits limits) {
        if (frames.size() > limits.maxDepth()) {
            throw new ExpressionException(Kind.LIMIT_EXCEEDED, "parentheses are nested more than "
                    + limits.maxDepth() + " deep", at.span());
        }
    }

    private static boolean pairs(String open, String close) {
        return switch (open) {
            case "{" -> close.equals("}");
            case "[" -> close.equals("]");
            case "⟨" -> close.equals("⟩");
            default -> close.equals(")");
        };
    }

    private static void checkArity(Frame f, Lexeme close) {
        Catalogue.FunctionEntry entry = Catalogue.function(f.function().name());
        if (!Catalogue.accepts(entry.name(), f.arguments())) {
            throw new ExpressionException(Kind.WRONG_ARGUMENTS, entry.name() + " takes " + entry.arity()
                    + (entry.arity() == 1 ? " argument" : " arguments") + ", but " + f.arguments()
                    + (f.arguments() == 1 ? " was" : " were") + " given", f.function().span().union(close.span()));
        }
    }

    private static ExpressionException missingOperand(Lexeme previous, Lexeme at, String source) {
        if (previous.kind() == Lexeme.Kind.OPEN && at != null && at.kind() == Lexeme.Kind.CLOSE) {
            return at(previous, "empty parentheses: put an expression between " + previous.shown(source) + " and "
                    + at.shown(source));
        }
        if (previous.kind() == Lexeme.Kind.OPEN || previous.kind() == Lexeme.Kind.COMMA) {
            return at(at == null ? previous : at, "missing operand after `" + previous.shown(source) + "`");
        }
        return at(previous, "missing operand after `" + previous.shown(source) + "`");
    }

    private static ExpressionException at(Lexeme l, String message) {
        Span s = l.span();
        return new ExpressionException(Kind.SYNTAX, message, s);
    }
}
