package io.gradcheck.expr.parse;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Primitive;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.primitives.Arithmetic;
import io.gradcheck.expr.primitives.Elementwise;
import io.gradcheck.expr.primitives.LinearAlgebra;
import io.gradcheck.expr.primitives.ScalarFunction;
import io.gradcheck.expr.print.Printers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import net.objecthunter.exp4j.tokenizer.FunctionToken;
import net.objecthunter.exp4j.tokenizer.OperatorToken;
import net.objecthunter.exp4j.tokenizer.Token;

/**
 * Builds the typed tree from exp4j's reverse Polish tokens, inferring every shape and refusing what the
 * limits forbid. exp4j outputs the operands in the order they were written, so the k-th operand token is the
 * k-th operand piece of the normalized text: that is how each node learns where it was written.
 */
final class TreeBuilder {

    private static final Span NONE = Span.NONE;

    private final String source;
    private final Iterator<Lexeme> operands;
    private final Limits limits;
    private final Declarations declarations;
    private final Deque<Node> stack = new ArrayDeque<>();
    private final Deque<Integer> depths = new ArrayDeque<>();
    private final PendingIdentity identities = new PendingIdentity(this::make);
    private int nodes;
    private long cost;

    TreeBuilder(String source, List<Lexeme> lexemes, Declarations declarations, Limits limits) {
        this.source = source;
        this.limits = limits;
        this.declarations = declarations;
        List<Lexeme> ops = new ArrayList<>();
        for (Lexeme l : lexemes) {
            if (l.kind().isOperand()) {
                ops.add(l);
            }
        }
        this.operands = ops.iterator();
    }

    long cost() {
        return cost;
    }

    Node build(Token[] rpn) {
        for (Token t : rpn) {
            switch (t.getType()) {
                case Token.TOKEN_NUMBER, Token.TOKEN_VARIABLE -> push(leaf(operands.next()), 1);
                case Token.TOKEN_OPERATOR -> operator((OperatorToken) t);
                case Token.TOKEN_FUNCTION -> function(Exp4jFrontEnd.function(((FunctionToken) t).getFunction().getName()));
                default -> throw new ExpressionException(Kind.SYNTAX, "the expression could not be read");
            }
        }
        if (stack.size() != 1) {
            throw new ExpressionException(Kind.SYNTAX, "the expression could not be read as one value");
        }
        Node root = stack.pop();
        rejectMark(root);
        if (identities.isPending(root)) {
            throw PendingIdentity.unknownSize(root.span());
        }
        return root;
    }

    private void function(Exp4jFrontEnd.Call use) {
        List<Node> args = pop(use.arity());
        if (Lexeme.BAR_ABS.equals(use.name())) {
            Shape s = args.get(0).shape();
            if (s.isSquare() && !s.isScalar()) {
                throw new ExpressionException(Kind.SHAPE_MISMATCH, "|" + text(args.get(0)) + "| of a square matrix "
                        + "could mean its determinant or its entries' absolute values: write det("
                        + text(args.get(0)) + ") or abs(" + text(args.get(0)) + ")", args.get(0).span());
            }
            call(Elementwise.of(ScalarFunction.ABS), args);
            return;
        }
        Catalogue.FunctionEntry entry = Catalogue.function(use.name());
        if (use.arity() == 2 && entry.arity() == 1) {
            // ones(m, n), zeros(m, n): the outer product of ones(m) (or zeros(m)) and ones(n)
            Node rows = make(entry.primitive(), List.of(args.get(0)), args.get(0).span());
            Node cols = make(entry.primitive(), List.of(args.get(1)), args.get(1).span());
            call(LinearAlgebra.OUTER, List.of(rows, cols));
            return;
        }
        Primitive p = entry.primitive() == Arithmetic.POW
                ? elementwisePower(Arithmetic.POW, Arithmetic.POW_VARIABLE, args.get(1))
                : entry.primitive();
        call(p, args);
    }

    private Node leaf(Lexeme l) {
        return switch (l.kind()) {
            case NUMBER -> new Node.Number(l.number(), l.text(), l.span());
            case CONSTANT -> new Node.Constant(l.text(), Catalogue.constant(l.text()), l.span());
            case TRANSPOSE_MARK -> new Node.Constant(Catalogue.TRANSPOSE_MARK, Double.NaN, l.span());
            case IDENTITY -> identities.leaf(l.span());
            case COMPONENT -> new Node.Component(variable(l.text(), l.span()), l.row(), l.col(), l.span());
            default -> variable(l.text(), l.span());
        };
    }

    private Node.Variable variable(String name, Span span) {
        return new Node.Variable(name, shapeOf(name), span);
    }

    private Shape shapeOf(String name) {
        return declarations.shape(name);
    }

    private void operator(OperatorToken t) {
        String symbol = Exp4jFrontEnd.operator(t.getOperator().getSymbol());
        if (t.getOperator().getNumOperands() == 1) {
            List<Node> arg = pop(1);
            if (symbol.equals("-")) {
                call(Arithmetic.NEGATE, arg);
            } else {
                pushBack(arg.get(0));
            }
            return;
        }
        List<Node> args = pop(2);
        switch (symbol) {
            case "+" -> call(Arithmetic.ADD, args);
            case "-" -> call(Arithmetic.SUBTRACT, args);
            case "*" -> call(Arithmetic.MULTIPLY, args);
            case "/" -> call(Arithmetic.DIVIDE, args);
            case ".*" -> call(Arithmetic.HADAMARD, args);
            case "⊗" -> call(LinearAlgebra.KRON, args);
            case ".^" -> {
                rejectMark(args.get(1));
                call(elementwisePower(Arithmetic.POWER, Arithmetic.POWER_VARIABLE, args.get(1)), args);
            }
            case "^" -> power(args);
            default -> throw new ExpressionException(Kind.SYNTAX, "unknown operator `" + symbol + "`");
        }
    }

    /** x^T is a transpose; a square matrix to a whole power is a matrix power; anything else is elementwise. */
    private void power(List<Node> args) {
        Node base = args.get(0);
        Node exponent = args.get(1);
        if (isMark(exponent)) {
            rejectMark(base);
            call(Arithmetic.TRANSPOSE, List.of(base), exponent.span());
            return;
        }
        if (!base.shape().isMatrix()) {
            call(elementwisePower(Arithmetic.POWER, Arithmetic.POWER_VARIABLE, exponent), args);
            return;
        }
        String baseText = describe(base);
        if (!base.shape().isSquare()) {
            throw new ExpressionException(Kind.SHAPE_MISMATCH, baseText + " is not square, so it has no matrix "
                    + "powers; for entrywise powers write pow(" + text(base) + ", k)", base.span());
        }
        Double k = constantValue(exponent);
        if (k == null || k != Math.rint(k) || Math.abs(k) > limits.maxMatrixPower()) {
            throw new ExpressionException(Kind.SHAPE_MISMATCH, baseText + " is a square matrix, so ^ is a matrix "
                    + "power and needs a whole number from -" + limits.maxMatrixPower() + " to "
                    + limits.maxMatrixPower() + "; for entrywise powers write pow(" + text(base) + ", k)",
                    exponent.span());
        }
        if (k == -1) {
            // A^-1 is the inverse, the same tree as inv(A), so that inv(A) printed as A^{-1} reads back as itself
            call(LinearAlgebra.INVERSE, List.of(base), exponent.span());
            return;
        }
        call(Arithmetic.matrixPower(k.intValue()), args);
    }

    /** The power rule needs a scalar exponent without variables; anything else is exp(b·log a). */
    private static Primitive elementwisePower(Primitive constant, Primitive variable, Node exponent) {
        return exponent.shape().isScalar() && isConstant(exponent) ? constant : variable;
    }

    private Double constantValue(Node n) {
        if (!n.shape().isScalar() || !isConstant(n)) {
            return null;
        }
        return Evaluator.value(n, java.util.Map.of()).data()[0];
    }

    private static boolean isConstant(Node n) {
        if (n instanceof Node.Variable || n instanceof Node.Component) {
            return false;
        }
        if (n instanceof Node.Call c) {
            for (Node a : c.args()) {
                if (!isConstant(a)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void call(Primitive p, List<Node> args) {
        Span span = NONE;
        for (Node a : args) {
            span = span.union(a.span());
        }
        call(p, args, span);
    }

    @SuppressWarnings("unchecked")
    private void call(Primitive p, List<Node> given, Span extra) {
        int depth = 0;
        for (int i = 0; i < given.size(); i++) {
            rejectMark(given.get(i));
            depth = Math.max(depth, poppedDepths.get(i));
        }
        Span span = extra;
        for (Node a : given) {
            span = span.union(a.span());
        }
        Object resolved = identities.resolve(p, given, span);
        if (resolved instanceof Node placeholder) {
            push(placeholder, depth + 1);
            return;
        }
        List<Node> args = resolved == null ? given : (List<Node>) resolved;
        push(make(p, args, span), depth + 1);
    }

    /** The call node, its shape checked and its cost counted. */
    private Node make(Primitive p, List<Node> args, Span span) {
        Shape shape = p.shape(args, this::describe);
        if (shape.entries() > limits.maxEntries()) {
            throw new ExpressionException(Kind.LIMIT_EXCEEDED, "the value of "
                    + Printers.text(new Node.Call(p, args, shape, span)) + " would have "
                    + shape.entries() + " entries; the limit is " + limits.maxEntries(), span);
        }
        cost += p.cost(args, shape);
        if (cost > limits.maxCost()) {
            throw new ExpressionException(Kind.LIMIT_EXCEEDED, "evaluating this expression would take about "
                    + cost + " arithmetic operations; the limit is " + limits.maxCost(), span);
        }
        return new Node.Call(p, args, shape, span);
    }

    private List<Integer> poppedDepths = List.of();

    private List<Node> pop(int n) {
        if (stack.size() < n) {
            throw new ExpressionException(Kind.SYNTAX, "the expression could not be read: an operand is missing");
        }
        Node[] args = new Node[n];
        Integer[] d = new Integer[n];
        for (int i = n - 1; i >= 0; i--) {
            args[i] = stack.pop();
            d[i] = depths.pop();
        }
        poppedDepths = List.of(d);
        return List.of(args);
    }

    private void pushBack(Node n) {
        push(n, poppedDepths.get(0));
    }

    private void push(Node n, int depth) {
        if (++nodes > limits.maxNodes()) {
            throw new ExpressionException(Kind.LIMIT_EXCEEDED, "the expression has more than " + limits.maxNodes()
                    + " parts; the limit is " + limits.maxNodes(), n.span());
        }
        if (depth > limits.maxDepth()) {
            throw new ExpressionException(Kind.LIMIT_EXCEEDED, "the expression is nested more than "
                    + limits.maxDepth() + " levels deep", n.span());
        }
        stack.push(n);
        depths.push(depth);
    }

    private static boolean isMark(Node n) {
        return n instanceof Node.Constant c && Catalogue.TRANSPOSE_MARK.equals(c.name());
    }

    private static void rejectMark(Node n) {
        if (isMark(n)) {
            throw new ExpressionException(Kind.SYNTAX, "T is the transpose mark and goes after ^, as in x^T", n.span());
        }
    }

    /** "x^T A (1×3)": the sub-expression as the person wrote it, and its shape. */
    private String describe(Node n) {
        return text(n) + " (" + n.shape() + ")";
    }

    private String text(Node n) {
        Span s = n.span();
        if (s.isKnown()) {
            String written = source.substring(s.start(), s.end()).trim();
            if (balanced(written)) {
                return written;
            }
        }
        return Printers.text(n);
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
