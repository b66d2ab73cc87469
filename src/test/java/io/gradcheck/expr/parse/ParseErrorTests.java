package io.gradcheck.expr.parse;

import static io.gradcheck.expr.Fixtures.declare;
import static io.gradcheck.expr.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per kind of error: the kind, the sentence a learner reads, and the position. */
class ParseErrorTests {

    private static ExpressionException error(String text, String vars) {
        return catchThrowableOfType(ExpressionException.class, () -> parse(text, vars));
    }

    @Test
    void unknownNameListsTheDeclaredOnes() {
        ExpressionException e = error("x + z", "x:3 A:3x3");
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_NAME);
        assertThat(e.getMessage()).isEqualTo("unknown name `z` (declared: x, A)");
        assertThat(e.span().position()).isEqualTo(5);
    }

    @Test
    void matrixProductNamesBothSidesWithShapes() {
        ExpressionException e = error("x^T A y", "x:3 A:3x3 y:2");
        assertThat(e.kind()).isEqualTo(Kind.SHAPE_MISMATCH);
        assertThat(e.getMessage()).startsWith("cannot multiply x^T A (1×3) by y (2×1)");
        assertThat(e.span().position()).isEqualTo(1);
    }

    @Test
    void sumOfDifferentShapesIsRefused() {
        assertThat(error("x + A", "x:3 A:3x3").getMessage())
                .startsWith("cannot add x (3×1) and A (3×3)");
    }

    @Test
    void missingOperandAfterAnOperator() {
        ExpressionException e = error("x +", "x:3");
        assertThat(e.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(e.getMessage()).isEqualTo("missing operand after `+`");
        assertThat(e.span().position()).isEqualTo(3);
    }

    @Test
    void missingOperandBetweenOperators() {
        assertThat(error("x * / y", "x y").getMessage()).isEqualTo("missing operand after `*`");
    }

    @Test
    void missingOperandBeforeAnOperator() {
        assertThat(error("* x", "x").getMessage()).isEqualTo("missing operand before `*`");
    }

    @Test
    void unclosedParenthesisIsPointedAt() {
        ExpressionException e = error("2 (x + 1", "x");
        assertThat(e.getMessage()).isEqualTo("this `(` is never closed");
        assertThat(e.span().position()).isEqualTo(3);
    }

    @Test
    void strayClosingParenthesisIsPointedAt() {
        ExpressionException e = error("x + 1)", "x");
        assertThat(e.getMessage()).isEqualTo("this `)` has no matching `(`");
        assertThat(e.span().position()).isEqualTo(6);
    }

    @Test
    void emptyParenthesesAndEmptyText() {
        assertThat(error("x ()", "x").getMessage()).startsWith("empty parentheses");
        assertThat(error("   ", "x").getMessage()).isEqualTo("the expression is empty");
    }

    @Test
    void unexpectedCharacter() {
        ExpressionException e = error("x % 2", "x");
        assertThat(e.getMessage()).isEqualTo("unexpected character `%`; the README lists what can be written");
        assertThat(e.span().position()).isEqualTo(3);
    }

    @Test
    void bracketsOutsideAnIndexAreExplained() {
        assertThat(error("[x + 1]", "x").getMessage()).contains("only for indices");
    }

    @Test
    void functionWithoutArgument() {
        // sin x is read as sin(x) (DESIGN.md §2.1); sin with nothing after it is refused
        assertThat(error("sin", "x").getMessage()).isEqualTo("sin needs an argument, as in sin(x)");
        assertThat(error("2 + sin + x", "x").getMessage()).isEqualTo("sin needs an argument, as in sin(x)");
    }

    @Test
    void wrongNumberOfArguments() {
        ExpressionException e = error("max(x)", "x");
        assertThat(e.kind()).isEqualTo(Kind.WRONG_ARGUMENTS);
        assertThat(e.getMessage()).isEqualTo("max takes 2 arguments, but 1 was given");
        assertThat(error("exp(x, x)", "x").getMessage()).isEqualTo("exp takes 1 argument, but 2 were given");
    }

    @Test
    void sizeFunctionsNeedAWrittenWholeNumber() {
        assertThat(error("eye(n)", "n").kind()).isEqualTo(Kind.WRONG_ARGUMENTS);
        assertThat(error("ones(2.5)", "").getMessage()).contains("positive whole number");
    }

    @Test
    void indexOutOfRange() {
        ExpressionException e = error("x_4", "x:3");
        assertThat(e.kind()).isEqualTo(Kind.BAD_INDEX);
        assertThat(e.getMessage()).isEqualTo("x has 3 entries, so it has no entry 4");
        assertThat(error("A[3,4]", "A:3x3").getMessage()).isEqualTo("A is 3×3, so it has no entry (3,4)");
    }

    @Test
    void indicesStartAtOne() {
        assertThat(error("x[0]", "x:3").getMessage()).startsWith("indices start at 1");
    }

    @Test
    void matrixEntriesNeedTwoIndices() {
        assertThat(error("A[2]", "A:3x3").getMessage()).contains("takes two indices");
        assertThat(error("A_{123}", "A:3x3").kind()).isEqualTo(Kind.BAD_INDEX);
    }

    @Test
    void transposeMarkOutsideAnExponent() {
        assertThat(error("T x", "x:3").getMessage()).isEqualTo("T is the transpose mark and goes after ^, as in x^T");
    }

    @Test
    void nonSquareMatrixPower() {
        ExpressionException e = error("C^2", "C:2x3");
        assertThat(e.kind()).isEqualTo(Kind.SHAPE_MISMATCH);
        assertThat(e.getMessage()).contains("is not square").contains("pow(C, k)");
    }

    @Test
    void matrixPowerNeedsAWholeNumber() {
        assertThat(error("A^0.5", "A:3x3").getMessage()).contains("needs a whole number");
        assertThat(error("A^s", "A:3x3 s").getMessage()).contains("needs a whole number");
    }

    @Test
    void reservedNamesCannotBeDeclared() {
        for (String name : List.of("T", "e", "pi", "sin", "tr")) {
            ExpressionException e = catchThrowableOfType(ExpressionException.class,
                    () -> Declarations.of(Map.of(name, Shape.SCALAR)));
            assertThat(e.kind()).isEqualTo(Kind.INVALID_DECLARATION);
            assertThat(e.getMessage()).contains("`" + name + "` is reserved");
        }
    }

    @Test
    void malformedDeclarations() {
        assertThat(catchThrowableOfType(ExpressionException.class,
                () -> Declarations.of(Map.of("2x", Shape.SCALAR))).getMessage()).contains("cannot be a variable name");
        assertThat(catchThrowableOfType(ExpressionException.class,
                () -> Declarations.shapeOf("x", List.of(0), Limits.DEFAULT)).getMessage()).contains("at least 1");
        assertThat(catchThrowableOfType(ExpressionException.class,
                () -> Declarations.shapeOf("x", List.of(1, 2, 3), Limits.DEFAULT)).getMessage()).contains("[m, n]");
    }

    @Test
    void overLongTextIsRefused() {
        ExpressionException e = error("x+".repeat(2000) + "x", "x");
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("the expression is 4001 characters long; the limit is 4000");
    }

    @Test
    void tooManyNodesIsRefused() {
        // a balanced tree, so that the depth limit is not what stops it: 2047 nodes, 11 deep, 3070 characters
        String balanced = "x";
        for (int k = 0; k < 10; k++) {
            balanced = "(" + balanced + balanced + ")";
        }
        ExpressionException e = error(balanced, "x");
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("the expression has more than 2000 parts; the limit is 2000");
    }

    @Test
    void deepParenthesesAreRefused() {
        ExpressionException e = error("(".repeat(101) + "x" + ")".repeat(101), "x");
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("parentheses are nested more than 100 deep");
    }

    @Test
    void deepTreesWithoutParenthesesAreRefused() {
        ExpressionException e = error("-".repeat(150) + "x", "x");
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("the expression is nested more than 100 levels deep");
    }

    @Test
    void oversizedDeclarationIsRefused() {
        ExpressionException e = catchThrowableOfType(ExpressionException.class,
                () -> Declarations.shapeOf("X", List.of(2000, 1000), Limits.DEFAULT));
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("more than the limit of 1000000 entries");
    }

    @Test
    void oversizedConstructorsAndResultsAreRefused() {
        assertThat(error("eye(2000)", "").getMessage())
                .isEqualTo("the value of eye(2000) would have 4000000 entries; the limit is 1000000");
        assertThat(error("ones(2000000)", "").kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(error("outer(x, x)", "x:10000").getMessage()).contains("100000000 entries");
    }

    @Test
    void tooCostlyEvaluationIsRefused() {
        assertThat(Parser.parse("A A", declare("A:300x300")).shape()).isEqualTo(Shape.matrix(300, 300));
        ExpressionException e = catchThrowableOfType(ExpressionException.class,
                () -> Parser.parse("A A A", declare("A:300x300")));
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("arithmetic operations; the limit is 50000000");
    }
}
