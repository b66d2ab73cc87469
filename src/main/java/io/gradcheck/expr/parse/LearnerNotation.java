package io.gradcheck.expr.parse;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the token stream so that what learners type (DESIGN.md §2.1) reaches exp4j as the plain notation:
 * bars become abs(…) or norm(…); A^-1, A^-T and ^{T} become exponent groups and transposes; sin^2 x becomes
 * (sin(x))^2, tan^-1 x becomes atan(x), and a function without parentheses takes the next factor (sin x cos x
 * is sin(x) cos(x), \sin 2x is sin(2x)); x' becomes ((x)^T), transposing a power as a whole (A^-1' is
 * (A^-1)'); each call learns how many arguments it has. Both notations pass through here.
 */
final class LearnerNotation {

    private static final Map<String, String> INVERSES = Map.of("sin", "asin", "cos", "acos", "tan", "atan",
            "sinh", "asinh", "cosh", "acosh", "tanh", "atanh");

    private final String source;
    private final Limits limits;
    private final List<Lexeme> t;
    /** Where the source starts in the text as sent: a position a message names points there. */
    private final int origin;

    private LearnerNotation(List<Lexeme> lexemes, String source, Limits limits, int origin) {
        this.t = new ArrayList<>(lexemes);
        this.source = source;
        this.limits = limits;
        this.origin = origin;
    }

    static List<Lexeme> rewrite(List<Lexeme> lexemes, String source, Limits limits, int origin) {
        LearnerNotation n = new LearnerNotation(lexemes, source, limits, origin);
        n.bars();
        n.exponents();
        n.functions();
        n.primes();
        n.arities();
        return n.t;
    }

    private record OpenBar(int function, Lexeme bar) {
    }

    /** |x| is abs(x) (marked, so that |A| of a square matrix can be questioned), ‖x‖ and ||x|| are norms. */
    private void bars() {
        List<Lexeme> out = new ArrayList<>(t.size());
        Deque<OpenBar> open = new ArrayDeque<>();
        for (int i = 0; i < t.size(); i++) {
            Lexeme l = t.get(i);
            if (l.kind() == Lexeme.Kind.NORM_INDEX) {
                throw at(l, "a subscript 1, 2 or F goes right after a norm, as in ‖x‖_2");
            }
            if (l.kind() != Lexeme.Kind.BAR) {
                out.add(l);
                continue;
            }
            int side = (int) l.number();
            boolean afterOperand = endsOperand(out.isEmpty() ? null : out.get(out.size() - 1));
            if (afterOperand && !open.isEmpty() && open.peek().bar().text().equals("|") && l.shown(source).equals("||")) {
                // |s - |t||: the two bars close two absolute values, not a norm
                Span first = new Span(l.span().start(), l.span().start() + 1);
                Span second = new Span(l.span().start() + 1, l.span().end());
                t.set(i, Lexeme.bar("|", 0, first));
                t.add(i + 1, Lexeme.bar("|", 0, second));
                i--;
                continue;
            }
            boolean closes = side == 2 || (side == 0 && !open.isEmpty() && afterOperand);
            if (!closes) {
                out.add(Lexeme.function(l.text().equals("|") ? Lexeme.BAR_ABS : "norm", 1, l.span()));
                open.push(new OpenBar(out.size() - 1, l));
                out.add(Lexeme.of(Lexeme.Kind.OPEN, "(", l.span()));
                continue;
            }
            if (open.isEmpty()) {
                throw at(l, "this `" + l.shown(source) + "` closes nothing; write |x| or abs(x) for an absolute "
                        + "value, ‖x‖ or norm(x) for a norm");
            }
            OpenBar o = open.pop();
            if (!o.bar().text().equals(l.text())) {
                throw at(l, "this `" + l.shown(source) + "` does not match the `" + o.bar().shown(source)
                        + "` at position " + o.bar().span().shifted(origin).position()
                        + "; write abs(…) or norm(…) to be clear");
            }
            out.add(Lexeme.of(Lexeme.Kind.CLOSE, ")", l.span()));
            if (i + 1 < t.size() && t.get(i + 1).kind() == Lexeme.Kind.NORM_INDEX) {
                Lexeme index = t.get(++i);
                if (l.text().equals("|")) {
                    throw at(index, "a subscript goes after a norm ‖x‖_2, not after |x|; write norm2(x) or abs(x)");
                }
                String norm = switch (index.text()) {
                    case "1" -> "norm1";
                    case "2" -> "norm2";
                    default -> "norm";
                };
                out.set(o.function(), Lexeme.function(norm, 1, out.get(o.function()).span()));
            }
        }
        if (!open.isEmpty()) {
            Lexeme bar = open.peek().bar();
            throw at(bar, "this `" + bar.shown(source) + "` is never closed; put a bar on each side, as in "
                    + (bar.text().equals("|") ? "|x|, or write abs(x)" : "‖x‖, or write norm(x)"));
        }
        t.clear();
        t.addAll(out);
    }

    private static boolean endsOperand(Lexeme l) {
        return l != null && (l.kind().isOperand() || l.kind() == Lexeme.Kind.CLOSE || l.kind() == Lexeme.Kind.PRIME);
    }

    /** A^-1 → A^(-1); A^-T, A^{-T}, A^(-T) → A^(-1)'; x^T, x^{T}, x^{\top} → x'. */
    private void exponents() {
        List<Lexeme> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            Lexeme l = t.get(i);
            if (!l.is(Lexeme.Kind.OPERATOR, "^")) {
                out.add(l);
                continue;
            }
            Lexeme a = get(i + 1);
            Lexeme b = get(i + 2);
            Lexeme c = get(i + 3);
            Lexeme d = get(i + 4);
            if (is(a, "-") && b != null && b.kind() == Lexeme.Kind.NUMBER) {
                out.add(l);
                out.add(Lexeme.of(Lexeme.Kind.OPEN, "(", a.span()));
                out.add(a);
                out.add(b);
                out.add(Lexeme.of(Lexeme.Kind.CLOSE, ")", b.span()));
                i += 2;
            } else if (is(a, "-") && isMark(b)) {
                inverseTransposed(out, l, a, b);
                i += 2;
            } else if (isOpen(a) && is(b, "-") && isMark(c) && isClose(d)) {
                inverseTransposed(out, l, b, d);
                i += 4;
            } else if (isOpen(a) && isMark(b) && isClose(c)) {
                out.add(Lexeme.of(Lexeme.Kind.PRIME, "'", l.span().union(c.span())));
                i += 3;
            } else if (isMark(a)) {
                out.add(Lexeme.of(Lexeme.Kind.PRIME, "'", l.span().union(a.span())));
                i += 1;
            } else {
                out.add(l);
            }
        }
        t.clear();
        t.addAll(out);
    }

    private static void inverseTransposed(List<Lexeme> out, Lexeme power, Lexeme minus, Lexeme last) {
        Span s = minus.span().union(last.span());
        out.add(power);
        out.add(Lexeme.of(Lexeme.Kind.OPEN, "(", s));
        out.add(minus);
        out.add(Lexeme.number(1, "1", s));
        out.add(Lexeme.of(Lexeme.Kind.CLOSE, ")", s));
        out.add(Lexeme.of(Lexeme.Kind.PRIME, "'", s));
    }

    /** sin^2 x, tan^-1(x), cos x, √x: every function ends up followed by its parenthesized argument. */
    private void functions() {
        for (int i = 0; i < t.size(); i++) {
            Lexeme f = t.get(i);
            if (f.kind() != Lexeme.Kind.FUNCTION) {
                continue;
            }
            int j = i + 1;
            List<Lexeme> power = null;
            if (is(get(j), "^")) {
                int k = exponentEnd(j);
                List<Lexeme> exponent = new ArrayList<>(t.subList(j, k));
                t.subList(j, k).clear();
                if (isMinusOne(exponent)) {
                    String inverse = INVERSES.get(f.text());
                    if (inverse == null) {
                        throw at(f, f.name() + "^-1 is not read as an inverse function; write 1/" + f.name()
                                + "(x) for the reciprocal, or use asin, acos, atan, asinh, acosh, atanh");
                    }
                    f = Lexeme.function(inverse, 1, f.span());
                    t.set(i, f);
                } else {
                    power = exponent;
                }
            }
            int end;
            if (isOpen(get(j))) {
                int close = matching(j);
                end = close < 0 ? t.size() : close + 1;
            } else {
                boolean root = source.charAt(f.span().start()) == '√' || source.charAt(f.span().start()) == '∛';
                int argEnd = Math.min(t.size(), root ? factorEnd(j, true, 0) : argumentEnd(j, 0));
                if (argEnd <= j) {
                    throw at(f, f.name() + " needs an argument, as in " + f.name() + "(x)");
                }
                t.add(argEnd, Lexeme.of(Lexeme.Kind.CLOSE, ")", t.get(argEnd - 1).span()));
                t.add(j, Lexeme.of(Lexeme.Kind.OPEN, "(", f.span()));
                end = argEnd + 2;
            }
            if (power != null) {
                t.addAll(end, power);
                t.add(end + power.size(), Lexeme.of(Lexeme.Kind.CLOSE, ")", power.get(power.size() - 1).span()));
                t.add(i, Lexeme.of(Lexeme.Kind.OPEN, "(", f.span()));
                i++;
            }
        }
    }

    /** The end of the exponent after a function name: sin^2, sin^{2}, sin^(-1) (grouped by exponents()). */
    private int exponentEnd(int caret) {
        Lexeme e = get(caret + 1);
        if (e != null && e.kind() == Lexeme.Kind.NUMBER) {
            return caret + 2;
        }
        if (isOpen(e)) {
            int close = matching(caret + 1);
            boolean number = close == caret + 3 && get(caret + 2).kind() == Lexeme.Kind.NUMBER
                    || close == caret + 4 && is(get(caret + 2), "-") && get(caret + 3).kind() == Lexeme.Kind.NUMBER;
            if (number) {
                return close + 1;
            }
        }
        Lexeme f = t.get(caret - 1);
        throw at(t.get(caret), "after a function name ^ takes a number, as in " + f.name() + "^2(x); write "
                + f.name() + "(x)^… for other powers");
    }

    private static boolean isMinusOne(List<Lexeme> exponent) {
        return exponent.size() == 5 && exponent.get(3).kind() == Lexeme.Kind.NUMBER
                && exponent.get(3).number() == 1 && exponent.get(2).is(Lexeme.Kind.OPERATOR, "-");
    }

    /** The argument of a function written without parentheses: juxtaposed factors, up to the next function. */
    private int argumentEnd(int j, int depth) {
        int e = factorEnd(j, true, depth);
        if (e < 0) {
            return j;
        }
        for (int f = factorEnd(e, false, depth); f >= 0; f = factorEnd(e, false, depth)) {
            e = f;
        }
        return e;
    }

    /** End of the factor starting at j (an operand, a group or a call, with its powers and primes); -1 if none. */
    private int factorEnd(int j, boolean allowFunction, int depth) {
        if (depth > limits.maxDepth()) {
            throw new ExpressionException(Kind.LIMIT_EXCEEDED, "functions are nested more than " + limits.maxDepth()
                    + " deep", t.get(j).span());
        }
        int e = primaryEnd(j, allowFunction, depth);
        while (e >= 0 && e < t.size()) {
            Lexeme l = t.get(e);
            if (l.kind() == Lexeme.Kind.PRIME) {
                e++;
            } else if (l.is(Lexeme.Kind.OPERATOR, "^") || l.is(Lexeme.Kind.OPERATOR, ".^")) {
                int k = e + 1;
                if (is(get(k), "-") || is(get(k), "+")) {
                    k++;
                }
                int p = primaryEnd(k, true, depth);
                if (p < 0) {
                    return e;
                }
                e = p;
            } else {
                break;
            }
        }
        return e;
    }

    private int primaryEnd(int j, boolean allowFunction, int depth) {
        Lexeme l = get(j);
        if (l == null) {
            return -1;
        }
        if (l.kind().isOperand() && l.kind() != Lexeme.Kind.TRANSPOSE_MARK) {
            return j + 1;
        }
        if (isOpen(l)) {
            int close = matching(j);
            return close < 0 ? t.size() : close + 1;
        }
        if (l.kind() == Lexeme.Kind.FUNCTION && allowFunction) {
            int k = j + 1;
            if (is(get(k), "^")) {
                Lexeme e = get(k + 1);
                k = isOpen(e) ? matching(k + 1) + 1 : k + 2;
                if (k <= 0 || k >= t.size()) {
                    return t.size();
                }
            }
            if (isOpen(get(k))) {
                int close = matching(k);
                return close < 0 ? t.size() : close + 1;
            }
            return argumentEnd(k, depth + 1);
        }
        return -1;
    }

    /** x' → ((x)^T); the operand of a prime after a power is the whole power: A^-1' is (A^-1)'. */
    private void primes() {
        for (int i = 0; i < t.size(); i++) {
            Lexeme mark = t.get(i);
            if (mark.kind() != Lexeme.Kind.PRIME) {
                continue;
            }
            int start = operandStart(i - 1);
            if (start < 0) {
                throw at(mark, "the transpose mark must follow what it transposes, as in x' or x^T");
            }
            Span s = mark.span();
            t.set(i, Lexeme.of(Lexeme.Kind.CLOSE, ")", s));
            t.addAll(i + 1, List.of(Lexeme.of(Lexeme.Kind.OPERATOR, "^", s),
                    Lexeme.of(Lexeme.Kind.TRANSPOSE_MARK, "T", s), Lexeme.of(Lexeme.Kind.CLOSE, ")", s)));
            Span first = t.get(start).span();
            t.add(start, Lexeme.of(Lexeme.Kind.OPEN, "(", first));
            t.add(start, Lexeme.of(Lexeme.Kind.OPEN, "(", first));
            i += 5;
        }
    }

    private int operandStart(int k) {
        if (k < 0) {
            return -1;
        }
        Lexeme last = t.get(k);
        int start;
        if (last.kind().isOperand()) {
            start = k;
        } else if (last.kind() == Lexeme.Kind.CLOSE) {
            int depth = 0;
            start = -1;
            for (int i = k; i >= 0; i--) {
                Lexeme.Kind kind = t.get(i).kind();
                depth += kind == Lexeme.Kind.CLOSE ? 1 : kind == Lexeme.Kind.OPEN ? -1 : 0;
                if (depth == 0) {
                    start = i > 0 && t.get(i - 1).kind() == Lexeme.Kind.FUNCTION ? i - 1 : i;
                    break;
                }
            }
            if (start < 0) {
                return -1;
            }
        } else {
            return -1;
        }
        if (start >= 2 && t.get(start - 1).is(Lexeme.Kind.OPERATOR, "^") && isNumericExponent(start, k)) {
            int base = operandStart(start - 2);
            return base >= 0 ? base : start;
        }
        return start;
    }

    /** 2, (-1), {2}: an exponent that is a number, after which a prime transposes the whole power. */
    private boolean isNumericExponent(int start, int end) {
        if (start == end) {
            return t.get(start).kind() == Lexeme.Kind.NUMBER;
        }
        boolean signed = end - start == 3 && (is(t.get(start + 1), "-") || is(t.get(start + 1), "+"));
        return isOpen(t.get(start)) && (end - start == 2 || signed) && t.get(end - 1).kind() == Lexeme.Kind.NUMBER;
    }

    /** Each call learns its number of arguments (ones(m, n) and ones(n) are different functions to exp4j). */
    private void arities() {
        for (int i = 0; i + 1 < t.size(); i++) {
            if (t.get(i).kind() != Lexeme.Kind.FUNCTION || !isOpen(t.get(i + 1))) {
                continue;
            }
            int depth = 0;
            int arguments = 1;
            for (int k = i + 1; k < t.size(); k++) {
                Lexeme.Kind kind = t.get(k).kind();
                depth += kind == Lexeme.Kind.OPEN ? 1 : kind == Lexeme.Kind.CLOSE ? -1 : 0;
                if (depth == 0) {
                    break;
                }
                if (depth == 1 && kind == Lexeme.Kind.COMMA) {
                    arguments++;
                }
            }
            t.set(i, t.get(i).withArity(arguments));
        }
    }

    private int matching(int open) {
        int depth = 0;
        for (int k = open; k < t.size(); k++) {
            Lexeme.Kind kind = t.get(k).kind();
            depth += kind == Lexeme.Kind.OPEN ? 1 : kind == Lexeme.Kind.CLOSE ? -1 : 0;
            if (depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private Lexeme get(int i) {
        return i >= 0 && i < t.size() ? t.get(i) : null;
    }

    private static boolean is(Lexeme l, String operator) {
        return l != null && l.is(Lexeme.Kind.OPERATOR, operator);
    }

    private static boolean isOpen(Lexeme l) {
        return l != null && l.kind() == Lexeme.Kind.OPEN;
    }

    private static boolean isClose(Lexeme l) {
        return l != null && l.kind() == Lexeme.Kind.CLOSE;
    }

    private static boolean isMark(Lexeme l) {
        return l != null && l.kind() == Lexeme.Kind.TRANSPOSE_MARK;
    }

    private static ExpressionException at(Lexeme l, String message) {
        return new ExpressionException(Kind.SYNTAX, message, l.span());
    }
}
