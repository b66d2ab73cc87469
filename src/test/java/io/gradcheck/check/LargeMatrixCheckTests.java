package io.gradcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradcheck.check.CheckRequest.Part;
import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.expr.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * x^T A x with a fixed 2000 × 2000 A (issue 16): refused under the default limits, checked under the documented
 * settings (README, docs/checks.md: gradcheck.engine.max-entries=4000000), which reach the function, the answer
 * and the constraints alike.
 */
class LargeMatrixCheckTests {

    static final int N = 2000;
    /** The documented settings for n = 2000 (gradcheck.engine.max-entries). */
    static final Limits N2000 = new Limits(Limits.DEFAULT.maxLength(), Limits.DEFAULT.maxNodes(),
            Limits.DEFAULT.maxDepth(), 4_000_000, Limits.DEFAULT.maxCost(), Limits.DEFAULT.maxMatrixPower());

    private static CheckRequest request(Object answer, String constraint) {
        SplittableRandom r = new SplittableRandom(11);
        List<List<Double>> a = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            List<Double> row = new ArrayList<>(N);
            for (int j = 0; j < N; j++) {
                row.add(r.nextDouble(-1, 1) / Math.sqrt(N));
            }
            a.add(row);
        }
        Map<String, VariableSpec> vars = new LinkedHashMap<>();
        vars.put("x", new VariableSpec(List.of(N), null, null, null, null, null));
        vars.put("A", new VariableSpec(List.of(N, N), a, null, null, null, null));
        return new CheckRequest("x^T A x", vars, constraint == null ? null : List.of(constraint),
                List.of(new Part("x", null, 1, answer)), 4, 7L, null);
    }

    @Test
    void xTransposeAxWithN2000IsCheckedUnderTheDocumentedLimits() {
        CheckRequest right = request("A x + A^T x", "x^T A x + 1e9 > 0");
        assertThatThrownBy(() -> new Checker().check(right)).isInstanceOf(io.gradcheck.expr.ExpressionException.class)
                .hasMessageContaining("more than the limit of 1000000 entries");
        Checker checker = new Checker(N2000, Checker.Defaults.STANDARD, Seeds.counting(1));
        CheckReport report = checker.check(right);
        assertThat(report.verdict()).isEqualTo(Verdict.CORRECT);
        // right only for a symmetric A: the diagnosis re-evaluates at the symmetrized A, 2000 × 2000 too
        CheckReport wrong = checker.check(request("2 A x", null));
        assertThat(wrong.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(wrong.parts().get(0).diagnosis().kind()).isEqualTo(DiagnosisKind.SYMMETRIC_ONLY);
    }
}
