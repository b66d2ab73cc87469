package io.gradcheck.check;

import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.parse.Declarations;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Points drawn exactly as a check draws its points ({@link Sampler}), for what shows a check's situation
 * outside a check, such as the plot: fixed values as declared, every other declared variable drawn from the
 * random stream in declaration order. Constraints are not applied. A declaration that cannot be drawn is a
 * {@link CheckException}, as in a check.
 */
public final class SamplePoints {

    private SamplePoints() {
    }

    /** One point with every declared variable. */
    public static Map<String, Tensor> draw(Declarations declarations, Map<String, VariableSpec> specs,
            SplittableRandom random) {
        return new Sampler(declarations, specs, declarations.shapes().keySet()).draw(random, Budget.unlimited());
    }

    /** The domain [low, high] a variable is drawn on: as declared, or [-2, 2]. */
    public static double[] domain(String name, VariableSpec spec) {
        return Sampler.domain(name, spec);
    }
}
