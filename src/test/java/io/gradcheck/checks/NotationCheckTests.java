package io.gradcheck.checks;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import io.gradcheck.web.CheckAdmission;
import io.gradcheck.web.HttpLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Through POST /api/v1/checks, for every row of DESIGN.md §2.1 and every LaTeX construct of §2.2: a correct
 * answer written in that notation is accepted and a wrong one rejected. The requests are plain JSON, as a
 * caller sends them.
 */
@WebMvcTest(CheckController.class)
@Import(CheckAdmission.class)  // the door in front of every check
@EnableConfigurationProperties(HttpLimits.class)
class NotationCheckTests {

    @Autowired
    MockMvc mvc;

    /**
     * function ¦ variables (name:size, @lo,hi for a domain, ! invertible) ¦ wrt[/layout] ¦ correct ¦ wrong.
     */
    static Stream<Arguments> learnersRows() {
        return Stream.of(
                row("tan(s) ¦ s@-1,1 ¦ s ¦ sec(s)^2 ¦ sec(s)"),
                row("log(sin(s)) ¦ s@0.2,1.3 ¦ s ¦ cot(s) ¦ tan(s)"),
                row("s*atan(s) ¦ s ¦ s ¦ arctan(s) + s/(1+s^2) ¦ arctan(s)"),
                row("s*asin(s) ¦ s@-0.9,0.9 ¦ s ¦ arcsin(s) + s/√(1-s²) ¦ arcsin(s)"),
                row("tan^-1(s) ¦ s ¦ s ¦ 1/(1+s^2) ¦ 1/(1-s^2)"),
                row("sin(s)^2 ¦ s ¦ s ¦ 2 sin s cos s ¦ 2 sin^2(s)"),
                row("sin^3(s) ¦ s ¦ s ¦ 3sin^2(s) cos(s) ¦ 3 sin^2(s)"),
                row("sin(s) ¦ s ¦ s ¦ cos s ¦ -cos s"),
                row("sin(s)^2/2 ¦ s ¦ s ¦ sin s cos s ¦ sin s"),
                row("s ln(abs(s)) ¦ s@0.5,2 ¦ s ¦ ln|s| + 1 ¦ ln|s|"),
                row("s abs(s) ¦ s ¦ s ¦ 2|s| ¦ |s|"),
                row("norm(x) ¦ x:3 ¦ x ¦ x/‖x‖ ¦ x"),
                row("norm(x)^3 ¦ x:3 ¦ x ¦ 3||x|| x ¦ 3||x||^2 x"),
                row("norm(x)^2 ¦ x:3 ¦ x ¦ 2 ‖x‖_2 x/‖x‖_2 ¦ ‖x‖_1 x"),
                row("e^(s) ¦ s ¦ s ¦ e^{s} ¦ s e^{s-1}"),
                row("det(A) ¦ A:3x3! ¦ A ¦ det(A) A^{-T} ¦ det(A) A^{-1}"),
                row("det(A) ¦ A:3x3! ¦ A ¦ det(A) A^-T ¦ det(A) A^-1"),
                row("det(A) ¦ A:3x3! ¦ A ¦ det(A) A^(-T) ¦ det(A) A^(-1)"),
                row("det(A) ¦ A:3x3! ¦ A ¦ det(A) A^-1' ¦ det(A) A^-1^T^T"),
                row("x^T x ¦ x:3 ¦ x/numerator ¦ 2x^{T} ¦ x^{T}"),
                row("s^3 ¦ s ¦ s ¦ 3s² ¦ 3s"),
                row("s^(3/2) ¦ s@0.1,2 ¦ s ¦ 3/2 √s ¦ √s"),
                row("s^(4/3) ¦ s@0.1,2 ¦ s ¦ 4/3 ∛s ¦ ∛s"),
                row("log(sigmoid(z)) ¦ z ¦ z ¦ 1 - σ(z) ¦ σ(z)"),
                row("log(sigmoid(z)) ¦ z ¦ z ¦ 1 - sigma(z) ¦ sigma(z)"),
                row("Tr(A^T B) ¦ A:3x3 B:3x3 ¦ B ¦ A ¦ A^T"),
                row("x^T (A + I) x ¦ x:3 A:3x3 ¦ x ¦ (A + A^T + 2I) x ¦ (A + A^T + I) x"),
                row("sum(x.^3) ¦ x:3 ¦ x ¦ 3 x.^2 ¦ 3 x"),
                row("sum(A) ¦ A:2x3 ¦ A ¦ ones(2, 3) ¦ zeros(2, 3)"));
    }

    static Stream<Arguments> latexConstructs() {
        return Stream.of(
                row("1/s ¦ s@0.5,2 ¦ s ¦ -\\frac{1}{s^2} ¦ \\frac{1}{s^2}"),
                row("1/s ¦ s@0.5,2 ¦ s ¦ -\\dfrac{1}{s^{2}} ¦ \\dfrac{1}{s^{2}}"),
                row("sqrt(s) ¦ s@0.1,2 ¦ s ¦ \\frac{1}{2\\sqrt{s}} ¦ \\sqrt{s}"),
                row("s \\sqrt[3]{s} ¦ s@0.1,2 ¦ s ¦ \\frac{4}{3}\\sqrt[3]{s} ¦ \\sqrt[3]{s}"),
                row("(s+1)^3 ¦ s ¦ s ¦ 3\\left(s+1\\right)^2 ¦ 3\\left(s+1\\right)"),
                row("(s+1)^3 ¦ s ¦ s ¦ 3\\left[s+1\\right]^2 ¦ 3\\left[s+1\\right]"),
                row("s^2 abs(s) ¦ s ¦ s ¦ 3s\\left|s\\right| ¦ 3\\left|s\\right|"),
                row("\\left\\lVert x\\right\\rVert ¦ x:3 ¦ x ¦ \\frac{x}{\\left\\lVert x\\right\\rVert} ¦ x"),
                row("norm(x) ¦ x:3 ¦ x ¦ \\frac{x}{\\|x\\|} ¦ \\frac{x}{\\|x\\|^2}"),
                row("x^T A x ¦ x:3 A:3x3 ¦ x ¦ \\left(A + A^{\\top}\\right) \\cdot x ¦ 2 A \\cdot x"),
                row("s^2 ¦ s ¦ s ¦ 2 \\times s ¦ 1 \\times s"),
                row("sum(x .* x .* x) ¦ x:3 ¦ x ¦ 3 x \\odot x ¦ 3 x"),
                row("sum(x .* x .* x) ¦ x:3 ¦ x ¦ 3 x \\circ x ¦ 3 x \\circ 1"),
                row("x^T A x ¦ x:3 A:3x3 ¦ x/numerator ¦ x^{\\top}\\left(A + A^{\\top}\\right) ¦ 2x^{\\top} A"),
                row("x^T A x ¦ x:3 A:3x3 ¦ x/numerator ¦ x^\\top (A + A^\\top) ¦ x^\\top A"),
                row("x^T A x ¦ x:3 A:3x3 ¦ x/numerator ¦ x^{T} (A + A^{T}) ¦ x^{T} A^{T}"),
                row("x^T A x ¦ x:3 A:3x3 ¦ x/numerator ¦ x^\\intercal (A + A^\\intercal) ¦ x^\\intercal A"),
                row("x1^2 x2 ¦ x:3 ¦ x ¦ \\begin{bmatrix} 2 x_{1} x_{2} \\\\ x_{1}^{2} \\\\ 0 \\end{bmatrix} "
                        + "¦ \\begin{bmatrix} 2 x_{1} x_{2} \\\\ x_{1}^{2} \\\\ 1 \\end{bmatrix}"),
                row("x1 x2 ¦ x:2 ¦ x ¦ \\begin{pmatrix} x_2 \\\\ x_1 \\end{pmatrix} "
                        + "¦ \\begin{pmatrix} x_1 \\\\ x_2 \\end{pmatrix}"),
                row("w^T x ¦ w:3 x:3 ¦ w ¦ \\mathbf{x} ¦ \\mathbf{w}"),
                row("w^T x ¦ w:3 x:3 ¦ w ¦ \\boldsymbol{x} ¦ \\boldsymbol{w}"),
                row("w^T x ¦ w:3 x:3 ¦ w ¦ \\bm{x} ¦ 2\\bm{x}"),
                row("w^T x ¦ w:3 x:3 ¦ w ¦ \\vec{x} ¦ \\vec{w}"),
                row("w^T x ¦ w:3 x:3 ¦ w ¦ \\mathrm{x} ¦ \\mathrm{w}"),
                row("exp(sin(s)) ¦ s ¦ s ¦ \\exp(\\sin s) \\cos s ¦ \\exp(\\sin s)"),
                row("s ln(s) ¦ s@0.5,2 ¦ s ¦ \\ln s + 1 ¦ \\ln s"),
                row("s log(s) ¦ s@0.5,2 ¦ s ¦ \\log s + 1 ¦ \\log s"),
                row("det(A) ¦ A:3x3! ¦ A ¦ \\det(A) A^{-\\top} ¦ \\det(A) A^{-1}"),
                row("\\operatorname{tr}\\left(A^{\\top} B\\right) ¦ A:3x3 B:3x3 ¦ B ¦ A ¦ A^{\\top}"),
                row("x^T diag(w) x ¦ x:3 w:3 ¦ x ¦ 2\\operatorname{diag}(w) x ¦ \\operatorname{diag}(w) x"),
                row("log(sigmoid(z)) ¦ z ¦ z ¦ 1 - \\sigma(z) ¦ \\sigma(z)"),
                row("λ s^2 ¦ λ s ¦ s ¦ 2\\lambda s ¦ \\lambda s"),
                row("sin(pi s) ¦ s ¦ s ¦ \\pi \\cos(\\pi s) ¦ \\cos(\\pi s)"),
                row("e^(2s) ¦ s ¦ s ¦ 2e^{2s} ¦ e^{2s}"),
                row("s^2 ¦ s ¦ s ¦ 2\\,s ¦ 2\\,\\quad"),
                row("\\frac{1}{2}\\left\\lVert A x - b\\right\\rVert^2 ¦ A:3x2 x:2 b:3 ¦ x "
                        + "¦ A^{\\top}\\left(Ax-b\\right) ¦ A^{\\top}\\left(Ax+b\\right)"));
    }

    private static Arguments row(String spec) {
        String[] f = spec.split("\\s*¦\\s*", -1);
        return Arguments.of(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim());
    }

    @ParameterizedTest(name = "{3} for d/d{2} {0}")
    @MethodSource({"learnersRows", "latexConstructs"})
    void aCorrectAnswerInEachNotationIsAcceptedAndAWrongOneRejected(String function, String variables, String wrt,
            String correct, String wrong) throws Exception {
        check(function, variables, wrt, correct).andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"));
        check(function, variables, wrt, wrong).andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("incorrect"));
    }

    /** The request's `notation` (on the function, and on each part's answer) overrides the guess from the text. */
    @org.junit.jupiter.api.Test
    void aNotationInTheRequestOverridesTheGuess() throws Exception {
        String vars = variables("s");
        // an answer without a backslash read as LaTeX, and one with a backslash refused as plain text
        checkWith(json("s^2"), null, vars, "2s", "latex").andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"));
        checkWith(json("s^2"), null, vars, "\\frac{4}{2} s", "text").andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("invalid"));
        checkWith(json("s^2"), null, vars, "\\frac{4}{2} s", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"));
        // the function's own notation
        checkWith(json("\\frac{1}{2} s^2"), "latex", vars, "s", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"));
        checkWith(json("\\frac{1}{2} s^2"), "text", vars, "s", null).andExpect(status().isBadRequest());
        // a notation the service does not know is the caller's mistake, with what to write instead
        checkWith(json("s^2"), null, vars, "2s", "markdown").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("\"latex\" or \"text\"")));
    }

    private ResultActions checkWith(String functionJson, String notation, String variables, String answer,
            String answerNotation) throws Exception {
        String body = "{\"function\": " + functionJson + (notation == null ? "" : ", \"notation\": " + json(notation))
                + ", \"variables\": " + variables + ", \"seed\": 7, \"parts\": [{\"wrt\": \"s\", \"answer\": "
                + json(answer) + (answerNotation == null ? "" : ", \"notation\": " + json(answerNotation)) + "}]}";
        return mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions check(String function, String variables, String wrt, String answer) throws Exception {
        String[] wrtLayout = wrt.split("/");
        String body = "{\"function\": " + json(function) + ", \"variables\": " + variables(variables)
                + ", \"seed\": 7, \"parts\": [{\"wrt\": " + json(wrtLayout[0])
                + (wrtLayout.length > 1 ? ", \"layout\": " + json(wrtLayout[1]) : "")
                + ", \"answer\": " + json(answer) + "}]}";
        return mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** "x:3 A:3x3! s@0.1,2" → {"x": {"shape": [3]}, "A": {"shape": [3, 3], "invertible": true}, …}. */
    static String variables(String spec) {
        StringBuilder out = new StringBuilder("{");
        for (String v : spec.trim().split("\\s+")) {
            boolean invertible = v.endsWith("!");
            v = invertible ? v.substring(0, v.length() - 1) : v;
            String domain = v.contains("@") ? v.substring(v.indexOf('@') + 1) : null; // x:3@0.5,2 or s@0.5,2
            v = domain != null ? v.substring(0, v.indexOf('@')) : v;
            String[] nameShape = v.split(":");
            String shape = nameShape.length == 1 ? "[]" : "[" + nameShape[1].replace("x", ", ") + "]";
            out.append(out.length() > 1 ? ", " : "").append(json(nameShape[0])).append(": {\"shape\": ").append(shape)
                    .append(domain != null ? ", \"domain\": [" + domain + "]" : "")
                    .append(invertible ? ", \"invertible\": true" : "").append('}');
        }
        return out.append('}').toString();
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
