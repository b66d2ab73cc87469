package io.gradcheck.expr.parse;

import io.gradcheck.expr.Declarations;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.print.Printers;

/** An expression read and shape-checked: the text as sent, the tree, and the declarations it was read against. */
public record ParsedExpression(String source, Node root, Declarations declarations) {

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
