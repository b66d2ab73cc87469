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
import java.util.TreeSet;

/** The names the language knows: functions (with their arity and primitive), constants, and the transpose mark. */
public final class Catalogue {

    private Catalogue() {
    }

    public record FunctionEntry(String name, int arity, Primitive primitive) {
    }

    public static final String TRANSPOSE_MARK = "T";

    /** The identity matrix when I is not declared: its size is taken from where it stands. */
    public static final String IDENTITY = "I";

    /**
     * Other spellings of catalogue functions, as learners and textbooks write them. They are soft: a declared
     * variable of the same name wins (so a problem may still call a variable sigma), and they are not reserved.
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("arcsin", "asin"), Map.entry("arccos", "acos"), Map.entry("arctan", "atan"),
            Map.entry("arsinh", "asinh"), Map.entry("arcsinh", "asinh"), Map.entry("arcosh", "acosh"),
            Map.entry("arccosh", "acosh"), Map.entry("artanh", "atanh"), Map.entry("arctanh", "atanh"),
            Map.entry("sigma", "sigmoid"), Map.entry("σ", "sigmoid"), Map.entry("Tr", "tr"));

    /** Functions that also take a second argument: ones(m, n) and zeros(m, n) are matrices. */
    private static final Set<String> TWO_SIZES = Set.of("ones", "zeros");

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

    /** The catalogue name a soft spelling stands for (arctan → atan), or null. */
    public static String alias(String name) {
        return ALIASES.get(name);
    }

    public static Set<String> aliases() {
        return ALIASES.keySet();
    }

    /** Whether name(…) may be called with this many arguments. */
    public static boolean accepts(String name, int arguments) {
        FunctionEntry f = FUNCTIONS.get(name);
        return f != null && (f.arity() == arguments || (arguments == 2 && TWO_SIZES.contains(name)));
    }

    public static Double constant(String name) {
        return CONSTANTS.get(name);
    }

    public static Set<String> constantNames() {
        return CONSTANTS.keySet();
    }

    /** Every function and constant name and the transpose mark: what a declaration cannot be called. */
    public static Set<String> reservedNames() {
        Set<String> names = new TreeSet<>(FUNCTIONS.keySet());
        names.addAll(CONSTANTS.keySet());
        names.add(TRANSPOSE_MARK);
        return names;
    }

    public static boolean isReserved(String name) {
        return FUNCTIONS.containsKey(name) || CONSTANTS.containsKey(name) || TRANSPOSE_MARK.equals(name);
    }
}
