package io.gradcheck.expr;

import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Declarations and seeded random points for the engine's tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Declarations from "x:3 A:3x3 s" (a bare name is a scalar). */
    public static Declarations declare(String spec) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        if (!spec.isBlank()) {
            for (String item : spec.trim().split("\\s+")) {
                String[] nameAndShape = item.split(":");
                shapes.put(nameAndShape[0], nameAndShape.length == 1 ? Shape.SCALAR : shape(nameAndShape[1]));
            }
        }
        return Declarations.of(shapes);
    }

    private static Shape shape(String s) {
        String[] dims = s.split("x");
        return dims.length == 1 ? Shape.vector(Integer.parseInt(dims[0]))
                : Shape.matrix(Integer.parseInt(dims[0]), Integer.parseInt(dims[1]));
    }

    public static ParsedExpression parse(String text, String spec) {
        return Parser.parse(text, declare(spec));
    }

    /** Entries drawn from ±[0.2, 2]: away from 0, where abs, relu, step and sign have their kinks. */
    public static Tensor awayFromZero(Shape shape, SplittableRandom random) {
        double[] d = new double[shape.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.2, 2.0);
        }
        return new Tensor(shape, d);
    }

    public static Tensor uniform(Shape shape, SplittableRandom random) {
        double[] d = new double[shape.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextDouble(-1.0, 1.0);
        }
        return new Tensor(shape, d);
    }

    public static Map<String, Tensor> point(Declarations declarations, SplittableRandom random) {
        Map<String, Tensor> point = new LinkedHashMap<>();
        declarations.shapes().forEach((name, shape) -> point.put(name, awayFromZero(shape, random)));
        return point;
    }
}
