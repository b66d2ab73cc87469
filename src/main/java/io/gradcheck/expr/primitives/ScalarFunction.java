package io.gradcheck.expr.primitives;

import io.gradcheck.expr.eval.Jets.ScalarRule;

/**
 * The elementwise functions: each states its value, first and second derivative once. Both the double and the
 * dual evaluations (and the nested duals of a Hessian) go through these lines and no others.
 */
public enum ScalarFunction implements ScalarRule {
    EXP("exp", "\\exp") {
        public double value(double x) { return Math.exp(x); }
        public double first(double x, double fx) { return fx; }
        public double second(double x, double fx) { return fx; }
    },
    LOG("log", "\\log") {
        public double value(double x) { return Math.log(x); }
        public double first(double x, double fx) { return 1 / x; }
        public double second(double x, double fx) { return -1 / (x * x); }
    },
    LOG2("log2", "\\log_2") {
        public double value(double x) { return Math.log(x) / LN2; }
        public double first(double x, double fx) { return 1 / (x * LN2); }
        public double second(double x, double fx) { return -1 / (x * x * LN2); }
    },
    LOG10("log10", "\\log_{10}") {
        public double value(double x) { return Math.log10(x); }
        public double first(double x, double fx) { return 1 / (x * LN10); }
        public double second(double x, double fx) { return -1 / (x * x * LN10); }
    },
    SQRT("sqrt", "\\sqrt") {
        public double value(double x) { return Math.sqrt(x); }
        public double first(double x, double fx) { return 0.5 / fx; }
        public double second(double x, double fx) { return -0.25 / (fx * fx * fx); }
    },
    ABS("abs", "\\operatorname{abs}") {
        public double value(double x) { return Math.abs(x); }
        public double first(double x, double fx) { return Math.signum(x); }
        public double second(double x, double fx) { return 0; }
    },
    SIGN("sign", "\\operatorname{sign}") {
        public double value(double x) { return Math.signum(x); }
        public double first(double x, double fx) { return 0; }
        public double second(double x, double fx) { return 0; }
    },
    SIN("sin", "\\sin") {
        public double value(double x) { return Math.sin(x); }
        public double first(double x, double fx) { return Math.cos(x); }
        public double second(double x, double fx) { return -fx; }
    },
    COS("cos", "\\cos") {
        public double value(double x) { return Math.cos(x); }
        public double first(double x, double fx) { return -Math.sin(x); }
        public double second(double x, double fx) { return -fx; }
    },
    TAN("tan", "\\tan") {
        public double value(double x) { return Math.tan(x); }
        public double first(double x, double fx) { return 1 + fx * fx; }
        public double second(double x, double fx) { return 2 * fx * (1 + fx * fx); }
    },
    ASIN("asin", "\\arcsin") {
        public double value(double x) { return Math.asin(x); }
        public double first(double x, double fx) { return 1 / Math.sqrt(1 - x * x); }
        public double second(double x, double fx) { return x / Math.pow(1 - x * x, 1.5); }
    },
    ACOS("acos", "\\arccos") {
        public double value(double x) { return Math.acos(x); }
        public double first(double x, double fx) { return -1 / Math.sqrt(1 - x * x); }
        public double second(double x, double fx) { return -x / Math.pow(1 - x * x, 1.5); }
    },
    ATAN("atan", "\\arctan") {
        public double value(double x) { return Math.atan(x); }
        public double first(double x, double fx) { return 1 / (1 + x * x); }
        public double second(double x, double fx) { return -2 * x / ((1 + x * x) * (1 + x * x)); }
    },
    SEC("sec", "\\sec") {
        public double value(double x) { return 1 / Math.cos(x); }
        public double first(double x, double fx) { return fx * Math.tan(x); }
        public double second(double x, double fx) {
            double t = Math.tan(x);
            return fx * (t * t + fx * fx);
        }
    },
    CSC("csc", "\\csc") {
        public double value(double x) { return 1 / Math.sin(x); }
        public double first(double x, double fx) { return -fx / Math.tan(x); }
        public double second(double x, double fx) {
            double c = 1 / Math.tan(x);
            return fx * (c * c + fx * fx);
        }
    },
    COT("cot", "\\cot") {
        public double value(double x) { return 1 / Math.tan(x); }
        public double first(double x, double fx) { return -(1 + fx * fx); }
        public double second(double x, double fx) { return 2 * fx * (1 + fx * fx); }
    },
    /** Inverse hyperbolic sine, written with the sign outside so that large negative x keeps its precision. */
    ASINH("asinh", "\\operatorname{arsinh}") {
        public double value(double x) { return Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x); }
        public double first(double x, double fx) { return 1 / Math.sqrt(x * x + 1); }
        public double second(double x, double fx) { return -x / Math.pow(x * x + 1, 1.5); }
    },
    ACOSH("acosh", "\\operatorname{arcosh}") {
        public double value(double x) { return Math.log(x + Math.sqrt(x * x - 1)); }
        public double first(double x, double fx) { return 1 / Math.sqrt(x * x - 1); }
        public double second(double x, double fx) { return -x / Math.pow(x * x - 1, 1.5); }
    },
    ATANH("atanh", "\\operatorname{artanh}") {
        public double value(double x) { return 0.5 * Math.log((1 + x) / (1 - x)); }
        public double first(double x, double fx) { return 1 / (1 - x * x); }
        public double second(double x, double fx) { return 2 * x / ((1 - x * x) * (1 - x * x)); }
    },
    SECH("sech", "\\operatorname{sech}") {
        public double value(double x) { return 1 / Math.cosh(x); }
        public double first(double x, double fx) { return -fx * Math.tanh(x); }
        public double second(double x, double fx) {
            double t = Math.tanh(x);
            return fx * (t * t - fx * fx);
        }
    },
    CSCH("csch", "\\operatorname{csch}") {
        public double value(double x) { return 1 / Math.sinh(x); }
        public double first(double x, double fx) { return -fx / Math.tanh(x); }
        public double second(double x, double fx) {
            double c = 1 / Math.tanh(x);
            return fx * (c * c + fx * fx);
        }
    },
    COTH("coth", "\\coth") {
        public double value(double x) { return 1 / Math.tanh(x); }
        public double first(double x, double fx) { return 1 - fx * fx; }
        public double second(double x, double fx) { return -2 * fx * (1 - fx * fx); }
    },
    /** The real cube root (defined for negative x, unlike x^(1/3)). */
    CBRT("cbrt", "\\operatorname{cbrt}") {
        public double value(double x) { return Math.cbrt(x); }
        public double first(double x, double fx) { return 1 / (3 * fx * fx); }
        public double second(double x, double fx) { return -2 / (9 * fx * fx * fx * fx * fx); }
    },
    SINH("sinh", "\\sinh") {
        public double value(double x) { return Math.sinh(x); }
        public double first(double x, double fx) { return Math.cosh(x); }
        public double second(double x, double fx) { return fx; }
    },
    COSH("cosh", "\\cosh") {
        public double value(double x) { return Math.cosh(x); }
        public double first(double x, double fx) { return Math.sinh(x); }
        public double second(double x, double fx) { return fx; }
    },
    TANH("tanh", "\\tanh") {
        public double value(double x) { return Math.tanh(x); }
        public double first(double x, double fx) { return 1 - fx * fx; }
        public double second(double x, double fx) { return -2 * fx * (1 - fx * fx); }
    },
    SIGMOID("sigmoid", "\\sigma") {
        public double value(double x) {
            // written so that neither branch overflows
            return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        }
        public double first(double x, double fx) { return fx * (1 - fx); }
        public double second(double x, double fx) { return fx * (1 - fx) * (1 - 2 * fx); }
    },
    RELU("relu", "\\operatorname{relu}") {
        public double value(double x) { return x > 0 ? x : 0; }
        public double first(double x, double fx) { return x > 0 ? 1 : 0; }
        public double second(double x, double fx) { return 0; }
    },
    STEP("step", "\\operatorname{step}") {
        public double value(double x) { return x > 0 ? 1 : 0; }
        public double first(double x, double fx) { return 0; }
        public double second(double x, double fx) { return 0; }
    },
    SOFTPLUS("softplus", "\\operatorname{softplus}") {
        public double value(double x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }
        public double first(double x, double fx) { return SIGMOID.value(x); }
        public double second(double x, double fx) {
            double s = SIGMOID.value(x);
            return s * (1 - s);
        }
    },
    /** 1/x: internal, the building block of division. */
    RECIPROCAL("reciprocal", "\\operatorname{reciprocal}") {
        public double value(double x) { return 1 / x; }
        public double first(double x, double fx) { return -fx * fx; }
        public double second(double x, double fx) { return 2 * fx * fx * fx; }
    };

    private static final double LN2 = Math.log(2);
    private static final double LN10 = Math.log(10);

    private final String text;
    private final String latex;

    ScalarFunction(String text, String latex) {
        this.text = text;
        this.latex = latex;
    }

    public String text() {
        return text;
    }

    public String latex() {
        return latex;
    }

    /** x^p for a constant p, with the derivatives written so that p = 0, 1, 2 stay finite at x = 0. */
    public static ScalarRule power(double p) {
        return new ScalarRule() {
            public double value(double x) { return p == 2 ? x * x : Math.pow(x, p); }
            public double first(double x, double fx) { return p == 0 ? 0 : p == 1 ? 1 : p == 2 ? 2 * x : p * Math.pow(x, p - 1); }
            public double second(double x, double fx) { return p == 0 || p == 1 ? 0 : p == 2 ? 2 : p * (p - 1) * Math.pow(x, p - 2); }
        };
    }
}
