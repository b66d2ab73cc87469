package io.gradcheck.bench;

import io.gradcheck.check.CheckReport;
import io.gradcheck.check.Verdict;
import io.gradcheck.check.CheckRequest;
import io.gradcheck.check.CheckRequest.Part;
import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.check.Checker;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 9: reading a 200-character LaTeX answer against reading the same answer in plain notation (target:
 * LaTeX ≤ 2× plain), and the whole check of each (target: within 10 %). {@code declared} adds unused declared
 * names, to show that splitting runs of letters does not slow down with the number of declarations (the names
 * are matched in a trie built once per parse, not tried one by one). Run:
 * ./mvnw -Pbench test-compile exec:exec -Dbench.args="-f 1 -wi 3 -i 5 -w 1s -r 1s NotationBenchmarks"
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NotationBenchmarks {

    static final String FUNCTION = "log(1 + exp(-y w^T x)) + lambda/2 norm(w)^2 + 1/2 w^T A w + exp(-norm(w)^2)"
            + " + sin(w^T x) + tan(w^T x)";
    /** The gradient with respect to w, as a learner types it. */
    static final String PLAIN = "-y x sigmoid(-y w^T x) + lambda w + 1/2 (A + A^T) w - 2 e^(-norm(w)^2) w"
            + " + cos(w^T x) x + sec(w^T x)^2 x";
    /** The same gradient as a MathLive field sends it (200 characters). */
    static final String LATEX = "-y\\,x\\,\\sigma\\left(-y\\,w^{\\top}x\\right)+\\lambda\\cdot"
            + " w+\\dfrac{1}{2}\\left(A+A^{\\top}\\right)\\,w-2\\,e^{-\\left\\lVert w\\right\\rVert^{2}}"
            + "w+\\cos\\left(w^{\\top}x\\right)\\,x+\\sec^{2}\\left(w^{\\top}x\\right)\\cdot x";

    @Param({"5", "305"})
    public int declared;

    private Declarations declarations;
    private CheckRequest plainCheck;
    private CheckRequest latexCheck;
    private final Checker checker = new Checker();

    @Setup
    public void setUp() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("y", Shape.SCALAR);
        shapes.put("lambda", Shape.SCALAR);
        shapes.put("w", Shape.vector(3));
        shapes.put("x", Shape.vector(3));
        shapes.put("A", Shape.matrix(3, 3));
        for (int i = shapes.size(); i < declared; i++) {
            shapes.put("unused" + i, Shape.SCALAR);
        }
        declarations = Declarations.of(shapes);
        Map<String, VariableSpec> variables = new LinkedHashMap<>();
        variables.put("y", new VariableSpec(List.of(), null, null, null, null, null));
        variables.put("lambda", new VariableSpec(List.of(), null, null, null, null, null));
        variables.put("w", new VariableSpec(List.of(3), null, List.of(-0.5, 0.5), null, null, null));
        variables.put("x", new VariableSpec(List.of(3), null, List.of(-0.5, 0.5), null, null, null));
        variables.put("A", new VariableSpec(List.of(3, 3), null, null, null, null, null));
        plainCheck = new CheckRequest(FUNCTION, variables, null, List.of(new Part("w", null, 1, PLAIN)), 8, 1L, null);
        latexCheck = new CheckRequest(FUNCTION, variables, null, List.of(new Part("w", null, 1, LATEX)), 8, 1L, null);
        if (LATEX.length() != 200 || !parseLatex().canonical().equals(parsePlain().canonical())
                || checkPlain().verdict() != Verdict.CORRECT
                || checkLatex().verdict() != Verdict.CORRECT) {
            throw new IllegalStateException("the two answers must be the same correct 200-character answer; LaTeX is "
                    + LATEX.length() + " characters, read as " + parseLatex().canonical());
        }
    }

    @Benchmark
    public ParsedExpression parsePlain() {
        return Parser.parse(PLAIN, declarations);
    }

    @Benchmark
    public ParsedExpression parseLatex() {
        return Parser.parse(LATEX, declarations);
    }

    @Benchmark
    public CheckReport checkPlain() {
        return checker.check(plainCheck);
    }

    @Benchmark
    public CheckReport checkLatex() {
        return checker.check(latexCheck);
    }
}
