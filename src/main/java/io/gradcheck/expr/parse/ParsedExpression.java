package io.gradcheck.expr.parse;

import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.print.Printers;

/**
 * An expression read and shape-checked: the text as sent, the tree, the declarations it was read against, and
 * the estimated floating-point operations of one evaluation over doubles, and the notation it was read in.
 */
public record ParsedExpression(String source, Node root, Declarations declarations, long cost,
        InputNotation notation) {

    public Shape shape() {
        return root.shape();
    }

    public String canonical() {
        return Printers.text(root);
    }

    public String latex() {
        return Printers.latex(root);
    }
}
