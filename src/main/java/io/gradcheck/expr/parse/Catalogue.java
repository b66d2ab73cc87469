package io.gradcheck.expr.parse;

import io.gradcheck.expr.Primitive;
import io.gradcheck.expr.primitives.Arithmetic;
import io.gradcheck.expr.primitives.Elementwise;
import io.gradcheck.expr.primitives.LinearAlgebra;
import io.gradcheck.expr.primitives.Reductions;
import io.gradcheck.expr.primitives.ScalarFunction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The names the language knows: functions (with their arity and primitive), constants, and the transpose mark. */
public final class Catalogue {

    private Catalogue() {
    }

    public record FunctionEntry(String name, int arity, Primitive primitive) {
    }

    public static final String TRANSPOSE_MARK = "T";

    private static final Map<String, FunctionEntry> FUNCTIONS = new LinkedHashMap<>();
    private static final Map<String, Double> CONSTANTS = Map.of("e", Math.E, "pi", Math.PI, "π", Math.PI);

    static {
        for (ScalarFunction f : ScalarFunction.values()) {
            if (f != ScalarFunction.RECIPROCAL) {
                add(f.text(), 1, Elementwise.of(f));
            }
        }
        add("ln", 1, Elementwise.of(ScalarFunction.LOG));
        add("pow", 2, Arithmetic.POW);
        add("max", 2, Elementwise.MAX);
        add("min", 2, Elementwise.MIN);
        add("hadamard", 2, Arithmetic.HADAMARD);
        add("sum", 1, Reductions.SUM);
        add("mean", 1, Reductions.MEAN);
        add("norm", 1, Reductions.NORM);
        add("norm1", 1, Reductions.NORM1);
        add("norm2", 1, Reductions.NORM2);
        add("logsumexp", 1, Reductions.LOGSUMEXP);
        add("softmax", 1, Reductions.SOFTMAX);
        add("tr", 1, LinearAlgebra.TRACE);
        add("trace", 1, LinearAlgebra.TRACE);
        add("det", 1, LinearAlgebra.DET);
        add("logdet", 1, LinearAlgebra.LOGDET);
        add("inv", 1, LinearAlgebra.INVERSE);
        add("transpose", 1, Arithmetic.TRANSPOSE);
        add("diag", 1, LinearAlgebra.DIAG);
        add("dot", 2, LinearAlgebra.DOT);
        add("outer", 2, LinearAlgebra.OUTER);
        add("kron", 2, LinearAlgebra.KRON);
        add("vec", 1, LinearAlgebra.VEC);
        add("eye", 1, LinearAlgebra.EYE);
        add("ones", 1, LinearAlgebra.ONES);
        add("zeros", 1, LinearAlgebra.ZEROS);
    }

    private static void add(String name, int arity, Primitive primitive) {
        FUNCTIONS.put(name, new FunctionEntry(name, arity, primitive));
    }

    public static Map<String, FunctionEntry> functions() {
        return Collections.unmodifiableMap(FUNCTIONS);
    }

    public static FunctionEntry function(String name) {
        return FUNCTIONS.get(name);
    }

    public static Double constant(String name) {
        return CONSTANTS.get(name);
    }

    public static Set<String> constantNames() {
        return CONSTANTS.keySet();
    }

    public static boolean isReserved(String name) {
        return FUNCTIONS.containsKey(name) || CONSTANTS.containsKey(name) || TRANSPOSE_MARK.equals(name);
    }
}
