package io.gradcheck.expr.parse;

import io.gradcheck.expr.parse.Catalogue;
import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LaTeX front end: each backslash command becomes the tokens the plain notation would give (\frac{a}{b}
 * is ((a)/(b)), \cdot is *, ^{\top} is ^T, \left\| … \right\| is a norm). What is not a command (letters,
 * digits, ^, _, braces) is read by the shared {@link Lexer}, so both notations end in one token stream.
 */
final class LatexCommands {

    private static final Set<String> IGNORED = Set.of(",", ";", ":", "!", " ", ">", "quad", "qquad", "displaystyle",
            "textstyle", "scriptstyle", "limits", "nolimits", "enspace", "thinspace", "medspace", "thickspace",
            "negthinspace", "big", "Big", "bigg", "Bigg", "mathop");
    private static final Set<String> FONTS = Set.of("operatorname", "mathrm", "mathbf", "boldsymbol", "bm", "vec",
            "mathit", "text", "textrm", "textit", "textbf", "mathsf", "mathbb", "mathcal", "pmb", "operatorname*");
    private static final Map<String, String> GREEK = Map.ofEntries(Map.entry("alpha", "α"), Map.entry("beta", "β"),
            Map.entry("gamma", "γ"), Map.entry("delta", "δ"), Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"),
            Map.entry("zeta", "ζ"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("vartheta", "θ"),
            Map.entry("iota", "ι"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"),
            Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("upsilon", "υ"), Map.entry("phi", "φ"),
            Map.entry("varphi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"), Map.entry("omega", "ω"),
            Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"),
            Map.entry("Xi", "Ξ"), Map.entry("Sigma", "Σ"), Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"),
            Map.entry("Omega", "Ω"));
    private static final Map<String, String> OPERATORS = Map.of("cdot", "*", "times", "*", "ast", "*", "div", "/",
            "odot", ".*", "circ", ".*", "otimes", "⊗");
    private static final Pattern ROOT_INDEX = Pattern.compile("\\[\\s*(\\d+)\\s*\\]");
    private static final Pattern LOG_BASE = Pattern.compile("_(?:(2)|\\{\\s*(2|10)\\s*\\}|(e)|\\{\\s*(e)\\s*\\})");
    private static final Pattern ONES_SIZE = Pattern.compile(
            "\\s*_(?:(\\d)|\\{\\s*(\\d+)\\s*(?:(?:,|\\\\times|×|x)\\s*(\\d+)\\s*)?\\})");
    private static final Pattern ENVIRONMENT = Pattern.compile("\\{\\s*([a-zA-Z*]+)\\s*\\}");

    private final Lexer lexer;

    LatexCommands(Lexer lexer) {
        this.lexer = lexer;
    }

    /** Reads the command at the backslash under the lexer's position. */
    void command() {
        String text = lexer.text;
        int start = lexer.pos;
        int p = start + 1;
        if (p < text.length() && Character.isLetter(text.charAt(p))) {
            while (p < text.length() && Character.isLetter(text.charAt(p))) {
                p++;
            }
            if (text.startsWith("operatorname*", start + 1)) {
                p++;
            }
        } else {
            p = Math.min(p + 1, text.length());
        }
        String name = text.substring(start + 1, p);
        lexer.pos = p;
        Span at = new Span(start, p);
        if (IGNORED.contains(name) || name.isBlank()) {
            return;
        }
        if (OPERATORS.containsKey(name)) {
            lexer.out.add(Lexeme.of(Lexeme.Kind.OPERATOR, OPERATORS.get(name), at));
            return;
        }
        switch (name) {
            case "left", "bigl", "Bigl", "biggl", "Biggl" -> delimiter(1);
            case "right", "bigr", "Bigr", "biggr", "Biggr" -> delimiter(2);
            case "|", "Vert" -> lexer.out.add(Lexeme.bar("‖", 0, at));
            case "lVert" -> lexer.out.add(Lexeme.bar("‖", 1, at));
            case "rVert" -> lexer.out.add(Lexeme.bar("‖", 2, at));
            case "vert" -> lexer.out.add(Lexeme.bar("|", 0, at));
            case "lvert" -> lexer.out.add(Lexeme.bar("|", 1, at));
            case "rvert" -> lexer.out.add(Lexeme.bar("|", 2, at));
            case "{" -> lexer.out.add(Lexeme.of(Lexeme.Kind.OPEN, "(", at));
            case "}" -> lexer.out.add(Lexeme.of(Lexeme.Kind.CLOSE, ")", at));
            case "langle" -> {
                lexer.out.add(Lexeme.function("dot", 2, at));
                lexer.out.add(Lexeme.of(Lexeme.Kind.OPEN, "⟨", at));
            }
            case "rangle" -> lexer.out.add(Lexeme.of(Lexeme.Kind.CLOSE, "⟩", at));
            case "top", "intercal", "T" -> lexer.out.add(Lexeme.of(Lexeme.Kind.TRANSPOSE_MARK, "T", at));
            case "prime" -> lexer.out.add(Lexeme.of(Lexeme.Kind.PRIME, "'", at));
            case "frac", "dfrac", "tfrac", "cfrac" -> fraction(name, at);
            case "sqrt" -> root(at);
            case "log" -> log(at);
            case "begin" -> environment(at);
            case "end" -> throw new ExpressionException(Kind.SYNTAX, "\\end without its \\begin", at);
            case "infty" -> throw new ExpressionException(Kind.SYNTAX, "∞ is not a value an answer can take; "
                    + "write a finite expression", at);
            case "partial", "nabla", "sum", "prod", "int", "lim", "mathrm{d}" -> throw new ExpressionException(
                    Kind.SYNTAX, "\\" + name + " is not read: write the derivative itself as an expression, "
                    + "as in 2 x", at);
            default -> {
                if (FONTS.contains(name)) {
                    font(at);
                } else if (GREEK.containsKey(name)) {
                    greek(name, at);
                } else if (Catalogue.function(name) != null || Catalogue.alias(name) != null) {
                    lexer.emitName(name, start, p);
                } else {
                    throw unknown(name, at);
                }
            }
        }
    }

    /** After \left or \right: bars and angle brackets know their side; ( [ \{ and . read as usual. */
    private void delimiter(int side) {
        lexer.skipSpaces();
        String text = lexer.text;
        int at = lexer.pos;
        char c = lexer.charAt(at);
        if (c == '.') {
            lexer.pos++;
        } else if (c == '|') {
            lexer.out.add(Lexeme.bar("|", side, new Span(at, at + 1)));
            lexer.pos++;
        } else if (text.startsWith("\\|", at) || text.startsWith("\\Vert", at) || text.startsWith("\\lVert", at)
                || text.startsWith("\\rVert", at)) {
            int end = text.startsWith("\\|", at) ? at + 2 : at + (text.startsWith("\\Vert", at) ? 5 : 6);
            lexer.out.add(Lexeme.bar("‖", side, new Span(at, end)));
            lexer.pos = end;
        } else if (text.startsWith("\\vert", at) || text.startsWith("\\lvert", at) || text.startsWith("\\rvert", at)) {
            int end = at + (text.startsWith("\\vert", at) ? 5 : 6);
            lexer.out.add(Lexeme.bar("|", side, new Span(at, end)));
            lexer.pos = end;
        }
    }

    /** \frac{a}{b} is ((a)/(b)); \frac12 takes single characters, as TeX does. */
    private void fraction(String name, Span at) {
        lexer.out.add(Lexeme.of(Lexeme.Kind.OPEN, "{", at));
        lexer.out.add(Lexeme.of(Lexeme.Kind.OPEN, "{", at));
        argument(name, at, numeratorEnd -> {
            lexer.out.add(Lexeme.of(Lexeme.Kind.CLOSE, "}", numeratorEnd));
            lexer.out.add(Lexeme.of(Lexeme.Kind.OPERATOR, "/", numeratorEnd));
            lexer.out.add(Lexeme.of(Lexeme.Kind.OPEN, "{", numeratorEnd));
            argument(name, at, denominatorEnd -> {
                lexer.out.add(Lexeme.of(Lexeme.Kind.CLOSE, "}", denominatorEnd));
                lexer.out.add(Lexeme.of(Lexeme.Kind.CLOSE, "}", denominatorEnd));
            });
        });
    }

    /** \sqrt{x}, \sqrt[3]{x} (the real cube root), \sqrt[n]{x} = pow(x, 1/n). */
    private void root(Span at) {
        Matcher m = ROOT_INDEX.matcher(lexer.text).region(lexer.pos, lexer.text.length());
        String index = "2";
        if (m.lookingAt()) {
            index = m.group(1);
            lexer.pos = m.end();
        } else if (lexer.charAt(lexer.pos) == '[') {
            throw new ExpressionException(Kind.SYNTAX, "write the root's index as a whole number, as in "
                    + "\\sqrt[3]{x}", at);
        }
        int n = index.length() > 3 ? 1000 : Integer.parseInt(index);
        if (n < 2 || n > 99) {
            throw new ExpressionException(Kind.SYNTAX, "a root's index goes from 2 to 99, as in \\sqrt[3]{x}", at);
        }
        lexer.out.add(Lexeme.function(n == 2 ? "sqrt" : n == 3 ? "cbrt" : "pow", n > 3 ? 2 : 1, at));
        lexer.out.add(Lexeme.of(Lexeme.Kind.OPEN, "{", at));
        String degree = index;
        argument("sqrt", at, end -> {
            if (n > 3) {
                lexer.out.add(Lexeme.of(Lexeme.Kind.COMMA, ",", end));
                lexer.out.add(Lexeme.number(1, "1", end));
                lexer.out.add(Lexeme.of(Lexeme.Kind.OPERATOR, "/", end));
                lexer.out.add(Lexeme.number(n, degree, end));
            }
            lexer.out.add(Lexeme.of(Lexeme.Kind.CLOSE, "}", end));
        });
    }

    /** The argument of a command: {…} (whose closing brace runs {@code then}), or one digit or letter. */
    private void argument(String command, Span at, java.util.function.Consumer<Span> then) {
        lexer.skipSpaces();
        char c = lexer.charAt(lexer.pos);
        int p = lexer.pos;
        if (c == '{') {
            lexer.awaitBrace(then);
        } else if (Character.isDigit(c)) {
            lexer.out.add(Lexeme.number(c - '0', String.valueOf(c), new Span(p, p + 1)));
            lexer.pos++;
            then.accept(new Span(p, p + 1));
        } else if (Character.isLetter(c)) {
            lexer.emitName(String.valueOf(c), p, p + 1);
            lexer.pos++;
            then.accept(new Span(p, p + 1));
        } else {
            throw new ExpressionException(Kind.SYNTAX, "\\" + command + " needs its arguments in braces, as in \\"
                    + (command.equals("sqrt") ? "sqrt{x}" : command + "{a}{b}"), at);
        }
    }

    /** \log is the natural log; \log_2, \log_{10} the others; \log\det is logdet. */
    private void log(Span at) {
        String text = lexer.text;
        Matcher m = LOG_BASE.matcher(text).region(lexer.pos, text.length());
        if (m.lookingAt()) {
            String base = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : "e";
            lexer.out.add(Lexeme.function(base.equals("e") ? "log" : "log" + base, 1, at.union(new Span(m.end() - 1, m.end()))));
            lexer.pos = m.end();
        } else if (lexer.charAt(lexer.pos) == '_') {
            throw new ExpressionException(Kind.SYNTAX, "only \\log_2, \\log_{10} and \\log (natural) are read; "
                    + "write \\ln(x) / \\ln(b) for another base", at);
        } else if (text.startsWith("\\det", lexer.pos)) {
            lexer.out.add(Lexeme.function("logdet", 1, new Span(at.start(), lexer.pos + 4)));
            lexer.pos += 4;
        } else {
            lexer.out.add(Lexeme.function("log", 1, at));
        }
    }

    /** \mathbf{x}, \operatorname{tr}, \text{…}: the braces hold a name; \mathbf{1}_n and \mathbf{0}_n are ones, zeros. */
    private void font(Span at) {
        String text = lexer.text;
        lexer.skipSpaces();
        if (lexer.charAt(lexer.pos) != '{') {
            return;
        }
        int close = text.indexOf('}', lexer.pos);
        String content = close < 0 ? "" : text.substring(lexer.pos + 1, close).trim();
        if (content.equals("1") || content.equals("0")) {
            onesOrZeros(content.equals("1") ? "ones" : "zeros", at, close + 1);
        } else if (!content.isEmpty() && Character.isLetter(content.charAt(0))
                && content.chars().allMatch(ch -> Lexer.isNameChar((char) ch))) {
            lexer.pos++;
            lexer.skipSpaces();
            lexer.identifierRun();
            lexer.skipSpaces();
            if (lexer.charAt(lexer.pos) != '}') {
                throw new ExpressionException(Kind.SYNTAX, "this `{` is never closed; add `}`", at);
            }
            lexer.pos++;
        }
        // anything else in the braces is read as a group by the lexer
    }

    private void onesOrZeros(String function, Span at, int after) {
        Matcher m = ONES_SIZE.matcher(lexer.text).region(after, lexer.text.length());
        if (!m.lookingAt()) {
            throw new ExpressionException(Kind.SYNTAX, "write the size of the vector of " + function + ", as in "
                    + "\\mathbf{" + (function.equals("ones") ? 1 : 0) + "}_{3}, or " + function + "(3)", at);
        }
        Span s = new Span(at.start(), m.end());
        String rows = m.group(1) != null ? m.group(1) : m.group(2);
        lexer.out.add(Lexeme.function(function, m.group(3) == null ? 1 : 2, s));
        lexer.out.add(Lexeme.of(Lexeme.Kind.OPEN, "(", s));
        lexer.out.add(Lexeme.number(Double.parseDouble(rows), rows, s));
        if (m.group(3) != null) {
            lexer.out.add(Lexeme.of(Lexeme.Kind.COMMA, ",", s));
            lexer.out.add(Lexeme.number(Double.parseDouble(m.group(3)), m.group(3), s));
        }
        lexer.out.add(Lexeme.of(Lexeme.Kind.CLOSE, ")", s));
        lexer.pos = m.end();
    }

    /** \alpha is the declared alpha or α; \pi is π; \sigma is sigmoid unless σ is declared. */
    private void greek(String name, Span at) {
        String letter = GREEK.get(name);
        String declared = lexer.declarations.contains(name) ? name : lexer.declarations.contains(letter) ? letter : null;
        if (declared == null) {
            if (name.equals("pi") || Catalogue.alias(name) != null) {
                lexer.emitName(name, at.start(), at.end());
                return;
            }
            throw new ExpressionException(Kind.UNKNOWN_NAME, "unknown name `\\" + name + "` (declared: "
                    + lexer.declarations.describe() + "); declare " + name + " or " + letter + " to use it", at);
        }
        Shape shape = lexer.declarations.shape(declared);
        int end = lexer.pos;
        while (end < lexer.text.length() && Lexer.isNameChar(lexer.text.charAt(end))) {
            end++;
        }
        if (!shape.isScalar() && lexer.charAt(lexer.pos) == '_') {
            int next = lexer.componentSuffix(declared, shape, at.start(), lexer.pos, end);
            if (next >= 0) {
                lexer.pos = next;
                return;
            }
        }
        lexer.out.add(Lexeme.of(Lexeme.Kind.VARIABLE, declared, at));
    }

    /** \begin{bmatrix} is an entry-wise answer, read by {@link MatrixAnswer}, never inside an expression. */
    private void environment(Span at) {
        Matcher m = ENVIRONMENT.matcher(lexer.text).region(lexer.pos, lexer.text.length());
        String env = m.lookingAt() ? m.group(1) : "";
        if (MatrixAnswer.ENVIRONMENTS.contains(env)) {
            throw new ExpressionException(Kind.SYNTAX, "a \\begin{" + env + "} matrix is an entry-wise answer: "
                    + "send it as a whole answer (nothing before \\begin or after \\end), or write each entry "
                    + "separately", at);
        }
        throw new ExpressionException(Kind.SYNTAX, "\\begin{" + env + "} is not read; only bmatrix and pmatrix "
                + "(as a whole answer) are", at);
    }

    private ExpressionException unknown(String name, Span at) {
        Set<String> known = new TreeSet<>(GREEK.keySet());
        known.addAll(FONTS);
        known.addAll(OPERATORS.keySet());
        known.addAll(Catalogue.functions().keySet());
        known.addAll(Catalogue.aliases());
        known.addAll(Set.of("frac", "dfrac", "sqrt", "left", "right", "top", "log", "lVert", "rVert", "langle",
                "rangle", "intercal"));
        String near = Suggestions.nearest(name, known);
        return new ExpressionException(Kind.SYNTAX, "unknown LaTeX command `\\" + name + "`"
                + (near == null ? "; write the function by name, as in \\operatorname{tr}(A)"
                : "; did you mean `\\" + near + "`?"), at);
    }
}
