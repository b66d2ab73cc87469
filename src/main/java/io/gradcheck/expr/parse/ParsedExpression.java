package io.gradcheck.expr.parse;

import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.print.Printers;

/**
 * An expression read and shape-checked: the text as sent, the tree, the declarations it was read against, and
 * the estimated floating-point operations of one evaluation over doubles, and the notation it was read in.
 * Immutable; its canonical text and LaTeX are printed once, when first asked for (a parsed expression may be
 * shared by many checks, see {@link ParseCache}).
 */
public final class ParsedExpression {

    private final String source;
    private final Node root;
    private final Declarations declarations;
    private final long cost;
    private final InputNotation notation;
    /** Printed on first use; a race prints twice the same string. */
    private volatile String canonical;
    private volatile String latex;

    public ParsedExpression(String source, Node root, Declarations declarations, long cost, InputNotation notation) {
        this.source = source;
        this.root = root;
        this.declarations = declarations;
        this.cost = cost;
        this.notation = notation;
    }

    public String source() {
        return source;
    }

    public Node root() {
        return root;
    }

    public Declarations declarations() {
        return declarations;
    }

    public long cost() {
        return cost;
    }

    public InputNotation notation() {
        return notation;
    }

    public Shape shape() {
        return root.shape();
    }

    public String canonical() {
        String c = canonical;
        if (c == null) {
            c = Printers.text(root);
            canonical = c;
        }
        return c;
    }

    public String latex() {
        String l = latex;
        if (l == null) {
            l = Printers.latex(root);
            latex = l;
        }
        return l;
    }

    @Override
    public String toString() {
        return "ParsedExpression[" + source + " → " + canonical() + "]";
    }
}
