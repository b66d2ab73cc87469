package io.gradcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grading edge cases of issue 14: each one a real course hit. */
class GradingEdgeCaseTests {

    @Test
    void zeroIsNeverRightForATinyFunction() {
        for (long seed = 1; seed <= 5; seed++) {
            CheckReport zero = Checks.of("1e-10 x^2", "x").part("x", null, "0").seed(seed).run();
            assertThat(zero.verdict()).as("seed " + seed).isEqualTo(Verdict.INCORRECT);
            CheckReport right = Checks.of("1e-10 x^2", "x").part("x", null, "2e-10 x").seed(seed).run();
            assertThat(right.verdict()).isEqualTo(Verdict.CORRECT);
            CheckReport half = Checks.of("1e-10 x^2", "x").part("x", null, "1e-10 x").seed(seed).run();
            assertThat(half.parts().get(0).diagnosis().kind()).isEqualTo(DiagnosisKind.SCALED);
        }
    }

    @Test
    void aCheckWhoseNumbersCannotBeToldApartIsInconclusive() {
        CheckReport report = Checks.of("1e-300 x^2", "x").part("x", null, "0").run();
        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.parts().get(0).diagnosis().kind()).isEqualTo(DiagnosisKind.INCONCLUSIVE);
        assertThat(report.parts().get(0).diagnosis().message()).contains("below").contains("cannot decide");
        // a derivative that is zero everywhere, answered exactly, is still right
        assertThat(Checks.of("y^2", "x y").part("x", null, "0").run().verdict()).isEqualTo(Verdict.CORRECT);
        // and an answer far above the noise is wrong, not inconclusive
        assertThat(Checks.of("sin(x)^2 + cos(x)^2", "x").part("x", null, "1").run().verdict())
                .isEqualTo(Verdict.INCORRECT);
    }

    @Test
    void aKinkAtTheFixedPointIsTheAuthorsError() {
        CheckException e = catchThrowableOfType(CheckException.class,
                () -> Checks.of("abs(x)", "x").value("x", 0).part("x", null, "0").run());
        assertThat(e.kind()).isEqualTo(CheckException.Kind.QUESTION);
        assertThat(e.getMessage()).startsWith("the function has no derivative with respect to x at its fixed value "
                + "x = 0");
        CheckException relu = catchThrowableOfType(CheckException.class,
                () -> Checks.of("relu(w^T x)", "w:2 x:2").value("w", List.of(1, -1)).value("x", List.of(2, 2))
                        .part("w", null, "x").run());
        assertThat(relu.kind()).isEqualTo(CheckException.Kind.QUESTION);
        CheckException sqrt = catchThrowableOfType(CheckException.class,
                () -> Checks.of("sqrt(x)", "x").value("x", 0).part("x", null, "0").run());
        assertThat(sqrt.getMessage()).contains("defined on one side only");
    }

    @Test
    void aSmoothFunctionAtAFixedPointIsNoKink() {
        assertThat(Checks.of("x^2", "x").value("x", 0).part("x", null, "0").run().verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(Checks.of("abs(x)", "x").value("x", 0.5).part("x", null, "1").run().verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(Checks.of("abs(x - 1e-5)", "x").value("x", 0).part("x", null, "-1").run().verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(Checks.of("exp(1000 x)", "x").value("x", 0.5).part("x", null, "1000 exp(1000 x)").run().verdict())
                .isEqualTo(Verdict.CORRECT);
    }

    @Test
    void xOverAbsXIsTheDerivativeOfAbsAwayFromZero() {
        for (long seed = 1; seed <= 5; seed++) {
            CheckReport report = Checks.of("abs(x)", "x").part("x", null, "x/abs(x)").seed(seed).run();
            assertThat(report.verdict()).as(report.parts().get(0).diagnosis().message()).isEqualTo(Verdict.CORRECT);
            CheckReport vector = Checks.of("sum(abs(x))", "x:3").part("x", null, "x / abs(x)").seed(seed).run();
            assertThat(vector.verdict()).as(vector.parts().get(0).diagnosis().message())
                    .isEqualTo(Verdict.CORRECT);
        }
        assertThat(Checks.of("abs(x)", "x").value("x", -2).part("x", null, "x/abs(x)").run().verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(Checks.of("abs(x)", "x").part("x", null, "x/|x|").run().verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(Checks.of("abs(x)", "x").domain("x", -1e-3, 1e-3).part("x", null, "x/abs(x)").run().verdict())
                .isIn(Verdict.CORRECT, Verdict.INCONCLUSIVE);
    }

    @Test
    void theVecLayoutIsColumnMajor() {
        // d vec(A X B) / d vec(X) = Bᵀ ⊗ A in vec; kron(A, B^T) row by row
        Checks vec = Checks.of("A X B", "A:2x3 X:3x4 B:4x2");
        assertThat(vec.part("X", "vec", "kron(B^T, A)").run().verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(Checks.of("A X B", "A:2x3 X:3x4 B:4x2").part("X", "flattened", "kron(A, B^T)").run().verdict())
                .isEqualTo(Verdict.CORRECT);
        // ∂ tr(B X)/∂ vec(X) = vec(Bᵀ)ᵀ
        assertThat(Checks.of("tr(B X)", "B:3x2 X:2x3").part("X", "vec", "vec(B^T)^T").run().verdict())
                .isEqualTo(Verdict.CORRECT);
        // M = N s: dvec(M)/ds = vec(N)
        assertThat(Checks.of("N s", "N:3x3 s").part("s", "vec", "vec(N)").run().verdict())
                .isEqualTo(Verdict.CORRECT);
    }

    @Test
    void anAnswerInTheOtherFlatteningIsToldWhichLayoutItFits() {
        CheckReport.Diagnosis rowMajor = Checks.of("A X B", "A:2x3 X:3x4 B:4x2")
                .part("X", "vec", "kron(A, B^T)").run().parts().get(0).diagnosis();
        assertThat(rowMajor.kind()).isEqualTo(DiagnosisKind.TRANSPOSED);
        assertThat(rowMajor.suggestedLayout()).isEqualTo(Layout.FLATTENED);
        assertThat(rowMajor.message()).contains("flattened layout (row-major)").endsWith(".");
        CheckReport.Diagnosis columnMajor = Checks.of("A x", "A:3x2 x:2")
                .part("A", "flattened", "kron(x^T, eye(3))").run().parts().get(0).diagnosis();
        assertThat(columnMajor.kind()).isEqualTo(DiagnosisKind.TRANSPOSED);
        assertThat(columnMajor.suggestedLayout()).isEqualTo(Layout.VEC);
        assertThat(columnMajor.message()).contains("vec layout (column-major");
    }

    @Test
    void aWrongEntryOfAVecAnswerIsNamedWhereTheAnswerWritesIt() {
        // vec(N) with one entry changed: entry 2 of vec is N(2,1)
        CheckReport.Diagnosis d = Checks.of("N s", "N:2x2 s").part("s", "vec",
                List.of("N11", "N21 + 1", "N12", "N22")).run().parts().get(0).diagnosis();
        assertThat(d.kind()).isEqualTo(DiagnosisKind.PARTIALLY_CORRECT);
        assertThat(d.wrongEntries()).containsExactly("2");
    }

    @Test
    void aRoundedNumberPassesAtThreeSignificantDigits() {
        assertThat(Checks.of("exp(x)", "x").value("x", 1).part("x", null, "2.72").run().verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(Checks.of("ln(x)", "x").value("x", 3).part("x", null, "0.333").run().verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(Checks.of("x1^2 - x1 - ln(x2) + e^(-x1 + x2) + 2 x2 - 3", "x:2").value("x", List.of(0, 1))
                .part("x", "gradient", List.of("-3.72", "3.72")).run().verdict()).isEqualTo(Verdict.CORRECT);
        // without a fixed point, or asked for more digits, a rounding is not the derivative
        assertThat(Checks.of("exp(x)", "x").value("x", 1).part("x", null, "2.72").digits(5).run().verdict())
                .isEqualTo(Verdict.INCORRECT);
    }

    @Test
    void aRoundingShortOfTheDigitsIsNotAccurateEnoughNotScaled() {
        CheckReport.Diagnosis e = Checks.of("exp(x)", "x").value("x", 1).part("x", null, "2.7").run().parts().get(0)
                .diagnosis();
        assertThat(e.kind()).isEqualTo(DiagnosisKind.INACCURATE);
        assertThat(e.message()).contains("2 significant digits").contains("asks for 3");
        CheckReport.Diagnosis third = Checks.of("ln(x)", "x").value("x", 3).part("x", null, "0.33").digits(4).run()
                .parts().get(0).diagnosis();
        assertThat(third.kind()).isEqualTo(DiagnosisKind.INACCURATE);
        // a stated digits makes a constant derivative numeric even where x is drawn
        CheckReport.Diagnosis tenth = Checks.of("11 x + 9", "x").part("x", null, "1.1").digits(3).run().parts().get(0)
                .diagnosis();
        assertThat(tenth.kind()).isEqualTo(DiagnosisKind.WRONG);
        assertThat(Checks.of("11 x + 9", "x").part("x", null, "10.9").digits(3).run().parts().get(0).diagnosis()
                .kind()).isEqualTo(DiagnosisKind.INACCURATE);
        // three numbers or more can still be a multiple of the derivative
        assertThat(Checks.of("x1^2 - ln(x2) + e^(-x3)", "x:3").value("x", List.of(1, 1, 0))
                .part("x", "gradient", List.of("4", "-2", "-2")).run().parts().get(0).diagnosis().kind())
                .isEqualTo(DiagnosisKind.SCALED);
    }

    @Test
    void digitsOutsideOneToFifteenAreRefused() {
        CheckException e = catchThrowableOfType(CheckException.class,
                () -> Checks.of("exp(x)", "x").value("x", 1).part("x", null, "2.72").digits(0).run());
        assertThat(e.kind()).isEqualTo(CheckException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("tolerance.digits");
    }

    @Test
    void significantDigitsAreWhatRoundingCosts() {
        assertThat(Tolerances.agreesTo(2.72, Math.E, 3)).isTrue();
        assertThat(Tolerances.agreesTo(2.71, Math.E, 3)).isFalse();
        assertThat(Tolerances.digitsOfAgreement(2.7, Math.E)).isEqualTo(2);
        assertThat(Tolerances.agreesTo(10.0, 9.996, 3)).isTrue();
        assertThat(Tolerances.agreesTo(0, 0, 3)).isTrue();
        assertThat(Tolerances.agreesTo(1e-20, 0, 3)).isFalse();
    }
}
