package io.gradcheck.expr.parse;

import static io.gradcheck.expr.Fixtures.declare;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A text read again against the same declarations, limits and notation is the same tree, read once; anything
 * that could change the reading (declarations, limits, notation) reads it again, errors are never kept, and the
 * cache stays within its bounds.
 */
class ParseCacheTests {

    @BeforeEach
    void forget() {
        ParseCache.clear();
    }

    @Test
    void theSameTextIsReadOnceAndPrintedOnce() {
        Declarations d = declare("x:3 A:3x3");
        ParsedExpression first = Parser.parse("x^T A x", d, Limits.DEFAULT, null);
        ParsedExpression again = Parser.parse("x^T A x", declare("x:3 A:3x3"), Limits.DEFAULT, null);
        assertThat(again).isSameAs(first);
        assertThat(again.canonical()).isSameAs(first.canonical()).isEqualTo("x^T*A*x");
        assertThat(again.latex()).isSameAs(first.latex());
    }

    @Test
    void otherDeclarationsLimitsOrNotationReadTheTextAgain() {
        ParsedExpression three = Parser.parse("x x^T", declare("x:3"), Limits.DEFAULT, null);
        ParsedExpression two = Parser.parse("x x^T", declare("x:2"), Limits.DEFAULT, null);
        assertThat(three.shape()).isEqualTo(Shape.matrix(3, 3));
        assertThat(two.shape()).isEqualTo(Shape.matrix(2, 2));

        Parser.parse("x + x + x + x", declare("x"), Limits.DEFAULT, null);
        Limits fewNodes = new Limits(4_000, 3, 100, 1_000_000, 50_000_000L, 64);
        assertThatThrownBy(() -> Parser.parse("x + x + x + x", declare("x"), fewNodes, null))
                .as("a text read under generous limits is still refused under tight ones")
                .isInstanceOf(ExpressionException.class)
                .extracting(e -> ((ExpressionException) e).kind()).isEqualTo(ExpressionException.Kind.LIMIT_EXCEEDED);

        ParsedExpression guessed = Parser.parse("x^2", declare("x"), Limits.DEFAULT, null);
        ParsedExpression text = Parser.parse("x^2", declare("x"), Limits.DEFAULT, InputNotation.TEXT);
        assertThat(text).isNotSameAs(guessed);
        assertThat(text.notation()).isEqualTo(InputNotation.TEXT);
    }

    @Test
    void anErrorIsReadAgainAndSaysTheSame() {
        Declarations d = declare("x");
        ExpressionException first = catchIt("x + * 2", d);
        ExpressionException again = catchIt("x + * 2", d);
        assertThat(again).isNotSameAs(first);
        assertThat(again.getMessage()).isEqualTo(first.getMessage());
        assertThat(again.span()).isEqualTo(first.span());
    }

    @Test
    void longTextsAreNotKeptAndTheOldestReadsGoFirst() {
        Declarations d = declare("x");
        String longText = "x" + " + x".repeat(ParseCache.MAX_TEXT / 4);
        assertThat(longText.length()).isGreaterThan(ParseCache.MAX_TEXT);
        assertThat(Parser.parse(longText, d, Limits.DEFAULT, null))
                .isNotSameAs(Parser.parse(longText, d, Limits.DEFAULT, null));

        ParsedExpression oldest = Parser.parse("x + 0", d, Limits.DEFAULT, null);
        ParsedExpression recent = Parser.parse("x + 1", d, Limits.DEFAULT, null);
        for (int i = 2; i <= ParseCache.CAPACITY; i++) {
            Parser.parse("x + " + i, d, Limits.DEFAULT, null);
            if (i % 100 == 0) {
                Parser.parse("x + 1", d, Limits.DEFAULT, null); // used again: stays
            }
        }
        assertThat(ParseCache.size()).isEqualTo(ParseCache.CAPACITY);
        assertThat(Parser.parse("x + 1", d, Limits.DEFAULT, null)).isSameAs(recent);
        assertThat(Parser.parse("x + 0", d, Limits.DEFAULT, null)).as("the least recently used was dropped")
                .isNotSameAs(oldest);
        assertThat(ParseCache.size()).isEqualTo(ParseCache.CAPACITY);
    }

    private static ExpressionException catchIt(String text, Declarations d) {
        try {
            Parser.parse(text, d, Limits.DEFAULT, null);
        } catch (ExpressionException e) {
            return e;
        }
        throw new AssertionError("no error for " + text);
    }
}
