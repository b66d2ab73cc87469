package io.gradcheck.checks;

/** The OpenAPI text and worked examples of the checks endpoint, from the lecture notes. */
final class CheckDocs {

    private CheckDocs() {
    }

    static final String DESCRIPTION = """
            Evaluates the function and the answer at random points (seeded: the response returns the seed, and the \
            same request with the same seed gives the same response). At each point the exact directional \
            derivative D_v f along a random direction v comes from dual numbers (one forward pass, whatever the \
            size of the variable), is cross-checked by a Richardson-refined central difference (points where the \
            two disagree are at a kink or singularity and are skipped), and is compared with the answer contracted \
            with the same v.

            **Request.** `variables`: each with `shape` ([] scalar, [n] vector, [m, n] matrix; default []), and \
            either a fixed `value` or how to draw it: uniform on `domain` ([-2, 2] by default), or `symmetric`, \
            `positiveDefinite`, `invertible` matrices. `constraints`: comparisons every point must meet, such as \
            `b - a > 0`. `parts`: one per derivative, each with `wrt`, `layout` (gradient [default for a scalar f], \
            numerator [the Jacobian, default otherwise], denominator, flattened [row-major], vec [column-major \
            ∂vec(F)/∂vec(X)]), `order` (1, or 2 for a Hessian, \
            n×n for x ∈ Rⁿ) and `answer`: one expression, or a JSON array of scalar expressions entry by entry \
            (a flat array is a column; a row is [["a", "b"]]). `points`: 1 to 64, default 8. `seed`: optional.

            **Tolerance.** An answer passes at a point when every entry satisfies \
            |a − r| ≤ atol·S + rtol·scale, where r is the reference (D_v f, or vᵀHw for a Hessian), a the answer \
            contracted with the same direction(s), scale the largest |r| or |a| among the entries at that \
            point, and S the largest |r| over the check (never below what can be told apart from zero at the \
            scale of f and its inputs). Defaults: rtol = 1e-6, atol = 1e-9. A numeric answer (every variable \
            fixed, or `tolerance.digits` given) also passes when every entry agrees to `digits` significant \
            digits (default 3).

            **Verdicts.** `correct`; `incorrect` with a diagnosis (transposed, negated, scaled with its factor, \
            symmetric_only, partially_correct with the wrong entries, wrong_shape with the expected shape and \
            the layout the given shape suggests, undefined, inaccurate [a number short of the digits], wrong); `invalid` (the answer cannot be read, or its \
            shape fits no layout); `inconclusive` (too few usable points, never a guess). A request that cannot \
            be run is a 400; a question with no usable point (an empty domain, constraints nothing satisfies) \
            or a derivative asked at a fixed point where f has none (a kink) is a 422.""";

    static final String CORRECT = """
            {"function": "x^T A x",
             "variables": {"x": {"shape": [3]}, "A": {"shape": [3, 3]}},
             "parts": [{"wrt": "x", "layout": "gradient", "answer": "(A + A^T) x"}],
             "points": 8, "seed": 42}""";

    static final String SYMMETRIC_ONLY = """
            {"function": "x^T A x",
             "variables": {"x": {"shape": [3]}, "A": {"shape": [3, 3]}},
             "parts": [{"wrt": "x", "answer": "2 A x"}],
             "points": 8, "seed": 42}""";

    static final String ENTRY_WISE = """
            {"function": "x1^2 - ln(x2) + e^(-x3)",
             "variables": {"x": {"shape": [3], "domain": [0.1, 2]}},
             "parts": [{"wrt": "x", "answer": ["2 x1", "1/x2", "-e^(-x3)"]}],
             "seed": 7}""";

    static final String HESSIAN = """
            {"function": "1/2 norm(A x - b)^2",
             "variables": {"A": {"shape": [4, 3]}, "x": {"shape": [3]}, "b": {"shape": [4]}},
             "parts": [{"wrt": "x", "order": 2, "answer": "A^T A"}],
             "seed": 3}""";

    static final String SYMMETRIC_ONLY_RESPONSE = """
            {"verdict": "incorrect", "seed": 42,
             "function": {"shape": [], "canonical": "x^T*A*x", "latex": "x^{\\\\top} A x"},
             "parts": [{"wrt": "x", "layout": "gradient", "order": 1, "verdict": "incorrect",
               "expectedShape": [3], "answerShape": [3],
               "answer": {"shape": [3], "canonical": "2*A*x", "latex": "2 A x"},
               "diagnosis": {"kind": "symmetric_only", "message": "Your answer is right only when A is symmetric; \
            for a general A the derivative is different (compare what A and its transpose contribute)."},
               "points": [{"values": {"x": [0.9662595150872932, -1.3603584284923196, -0.8855954789794453],
                 "A": [[-0.6232371339054499, -1.8478793258390152, 1.4729123061861293],
                       [-1.1263792251512625, 1.2025275068540133, -0.6402758443319176],
                       [0.47392826542453914, -1.180392672804898, -0.028043256821230322]]},
                 "reference": 1.3043980587772899, "answer": 1.2396038369139495, "error": 0.06479422186334038,
                 "passed": false}],
               "skippedPoints": 0}]}""";
}
