package io.gradcheck.expr.print;

import io.gradcheck.expr.Node;
import io.gradcheck.expr.Notation;
import io.gradcheck.expr.primitives.Arithmetic;
import io.gradcheck.expr.primitives.Elementwise;
import io.gradcheck.expr.primitives.LinearAlgebra;
import io.gradcheck.expr.primitives.ScalarFunction;
import java.util.Set;

/**
 * Prints a tree back as canonical text (which parses to the same tree) and as LaTeX, from the notation each
 * primitive declares. Parentheses appear only where precedence needs them.
 */
public final class Printers {

    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
            "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
            "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega");

    private static final io.gradcheck.expr.Primitive ABS = Elementwise.of(ScalarFunction.ABS);

    private Printers() {
    }

    public static String text(Node node) {
        return print(node, false);
    }

    public static String latex(Node node) {
        return print(node, true);
    }

    /** One builder for the whole tree; the products' juxtapositions are resolved in one pass at the end. */
    private static String print(Node node, boolean latex) {
        StringBuilder out = new StringBuilder();
        print(node, latex, out);
        return resolveJuxtaposition(out);
    }

    private static void print(Node node, boolean latex, StringBuilder out) {
        if (node instanceof Node.Call c) {
            if (latex && c.primitive() == ABS && c.args().get(0).shape().isSquare() && !c.args().get(0).shape().isScalar()) {
                // |A| of a square matrix reads as a determinant: spell the entrywise absolute value out
                out.append("\\operatorname{abs}\\left(");
                print(c.args().get(0), true, out);
                out.append("\\right)");
                return;
            }
            if (latex && c.primitive() == LinearAlgebra.INVERSE && c.args().get(0).shape().isScalar()) {
                // the inverse of a 1×1 value printed as ^{-1} would read back as a power
                out.append("\\operatorname{inv}\\left(");
                print(c.args().get(0), true, out);
                out.append("\\right)");
                return;
            }
            if ((c.primitive() == Arithmetic.POWER || c.primitive() == Arithmetic.POWER_VARIABLE)
                    && c.args().get(0).shape().isSquare() && !c.args().get(0).shape().isScalar()) {
                // A^2 of a square matrix reads as a matrix power: an entrywise power is written pow(A, 2)
                out.append(latex ? "\\operatorname{pow}\\left(" : "pow(");
                print(c.args().get(0), latex, out);
                out.append(", ");
                print(c.args().get(1), latex, out);
                out.append(latex ? "\\right)" : ")");
                return;
            }
            fill(c, latex, out);
            return;
        }
        if (node instanceof Node.Number n) {
            out.append(n.text());
            return;
        }
        if (node instanceof Node.Constant k) {
            out.append(latex && k.name().equals("pi") ? "\\pi" : k.name());
            return;
        }
        if (node instanceof Node.Variable v) {
            out.append(latex ? latexName(v.name()) : v.name());
            return;
        }
        Node.Component c = (Node.Component) node;
        boolean matrix = c.of().shape().isMatrix();
        String name = c.of().name();
        String index = (c.row() + 1) + (matrix ? (latex ? "," : "_") + (c.col() + 1) : "");
        out.append(latex ? latexName(name) + "_{" + index + "}" : name + "_" + index);
    }

    private static String latexName(String name) {
        if (GREEK.contains(name)) {
            return "\\" + name;
        }
        int underscore = name.indexOf('_');
        if (underscore > 0 && underscore < name.length() - 1) {
            return latexName(name.substring(0, underscore)) + "_{" + name.substring(underscore + 1) + "}";
        }
        return name.length() == 1 ? name : "\\mathrm{" + name + "}";
    }

    /** Fills the primitive's template: #n plain, @n wrapped below its precedence, $n wrapped at it too. */
    private static void fill(Node.Call call, boolean latex, StringBuilder out) {
        Notation notation = call.primitive().notation();
        String template = latex ? notation.latex() : notation.text();
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            boolean marker = (ch == '#' || ch == '@' || ch == '$') && i + 1 < template.length()
                    && Character.isDigit(template.charAt(i + 1));
            if (marker) {
                Node arg = call.args().get(template.charAt(i + 1) - '1');
                int p = precedence(arg, latex);
                int own = latex ? notation.latexPrecedence() : notation.precedence();
                boolean wrap = (ch == '@' && p < own) || (ch == '$' && p <= own);
                if (wrap) {
                    out.append(latex ? "\\left(" : "(");
                }
                print(arg, latex, out);
                if (wrap) {
                    out.append(latex ? "\\right)" : ")");
                }
                i++;
            } else if (ch == '~') {
                out.append(JUXTAPOSE);
            } else {
                out.append(ch);
            }
        }
    }

    private static final char JUXTAPOSE = '\u0001';

    /**
     * In LaTeX a product is written by juxtaposition, except before a number or a sign, where it is \\cdot. The
     * text after a marker is the rest of its product's template, so one pass over the whole text decides each.
     */
    private static String resolveJuxtaposition(StringBuilder s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != JUXTAPOSE) {
                out.append(ch);
                continue;
            }
            int j = i + 1;
            while (j < s.length() && s.charAt(j) == ' ') {
                j++;
            }
            boolean cdot = j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '-');
            out.append(cdot ? " \\cdot " : " ");
        }
        return out.toString();
    }

    private static int precedence(Node n, boolean latex) {
        if (n instanceof Node.Call c) {
            Notation notation = c.primitive().notation();
            return latex ? notation.latexPrecedence() : notation.precedence();
        }
        return Notation.ATOM;
    }
}
