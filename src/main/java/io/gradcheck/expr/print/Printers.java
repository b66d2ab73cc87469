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

    private static String print(Node node, boolean latex) {
        if (node instanceof Node.Call c) {
            if (latex && c.primitive() == ABS && c.args().get(0).shape().isSquare() && !c.args().get(0).shape().isScalar()) {
                // |A| of a square matrix reads as a determinant: spell the entrywise absolute value out
                return "\\operatorname{abs}\\left(" + print(c.args().get(0), true) + "\\right)";
            }
            if (latex && c.primitive() == LinearAlgebra.INVERSE && c.args().get(0).shape().isScalar()) {
                // the inverse of a 1×1 value printed as ^{-1} would read back as a power
                return "\\operatorname{inv}\\left(" + print(c.args().get(0), true) + "\\right)";
            }
            if ((c.primitive() == Arithmetic.POWER || c.primitive() == Arithmetic.POWER_VARIABLE)
                    && c.args().get(0).shape().isSquare() && !c.args().get(0).shape().isScalar()) {
                // A^2 of a square matrix reads as a matrix power: an entrywise power is written pow(A, 2)
                String a = print(c.args().get(0), latex);
                String b = print(c.args().get(1), latex);
                return latex ? "\\operatorname{pow}\\left(" + a + ", " + b + "\\right)" : "pow(" + a + ", " + b + ")";
            }
            return fill(c, latex);
        }
        if (node instanceof Node.Number n) {
            return n.text();
        }
        if (node instanceof Node.Constant k) {
            return latex && k.name().equals("pi") ? "\\pi" : k.name();
        }
        if (node instanceof Node.Variable v) {
            return latex ? latexName(v.name()) : v.name();
        }
        Node.Component c = (Node.Component) node;
        boolean matrix = c.of().shape().isMatrix();
        String name = c.of().name();
        String index = (c.row() + 1) + (matrix ? (latex ? "," : "_") + (c.col() + 1) : "");
        return latex ? latexName(name) + "_{" + index + "}" : name + "_" + index;
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
    private static String fill(Node.Call call, boolean latex) {
        Notation notation = call.primitive().notation();
        String template = latex ? notation.latex() : notation.text();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            boolean marker = (ch == '#' || ch == '@' || ch == '$') && i + 1 < template.length()
                    && Character.isDigit(template.charAt(i + 1));
            if (marker) {
                Node arg = call.args().get(template.charAt(i + 1) - '1');
                String printed = print(arg, latex);
                int p = precedence(arg, latex);
                int own = latex ? notation.latexPrecedence() : notation.precedence();
                boolean wrap = (ch == '@' && p < own) || (ch == '$' && p <= own);
                out.append(wrap ? (latex ? "\\left(" + printed + "\\right)" : "(" + printed + ")") : printed);
                i++;
            } else if (ch == '~') {
                out.append(JUXTAPOSE);
            } else {
                out.append(ch);
            }
        }
        return resolveJuxtaposition(out);
    }

    private static final char JUXTAPOSE = '\u0001';

    /** In LaTeX a product is written by juxtaposition, except before a number or a sign, where it is \\cdot. */
    private static String resolveJuxtaposition(StringBuilder s) {
        for (int i = s.indexOf(String.valueOf(JUXTAPOSE)); i >= 0; i = s.indexOf(String.valueOf(JUXTAPOSE), i)) {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) == ' ') {
                j++;
            }
            boolean cdot = j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '-');
            s.replace(i, i + 1, cdot ? " \\cdot " : " ");
        }
        return s.toString();
    }

    private static int precedence(Node n, boolean latex) {
        if (n instanceof Node.Call c) {
            Notation notation = c.primitive().notation();
            return latex ? notation.latexPrecedence() : notation.precedence();
        }
        return Notation.ATOM;
    }
}
