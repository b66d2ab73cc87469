package io.gradcheck.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.SplittableRandom;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(ExpressionController.class)
class ExpressionControllerTests {

    private static final String X_AND_A = "\"variables\": {\"x\": {\"shape\": [3]}, \"A\": {\"shape\": [3, 3]}}";

    @Autowired
    MockMvc mvc;

    private ResultActions parse(String body) throws Exception {
        return mvc.perform(post("/api/v1/expressions/parse").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void readsTheQuadraticFormOfTheNotes() throws Exception {
        parse("{\"expression\": \"x^T A x\", " + X_AND_A + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shape").isEmpty())
                .andExpect(jsonPath("$.canonical").value("x^T*A*x"))
                .andExpect(jsonPath("$.latex").value("x^{\\top} A x"));
    }

    @Test
    void acceptsEveryDeclarationFieldACheckAccepts() throws Exception {
        parse("{\"expression\": \"x^T A x + s\", \"variables\": {\"x\": {\"shape\": [3], \"domain\": [-1, 1]}, "
                + "\"A\": {\"shape\": [3, 3], \"symmetric\": true, \"positiveDefinite\": true, \"invertible\": true}, "
                + "\"s\": {\"value\": 2}}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.canonical").value("x^T*A*x + s"))
                .andExpect(jsonPath("$.notation").value("text"));
    }

    @Test
    void readsLatexAndSaysSo() throws Exception {
        parse("{\"expression\": \"\\\\frac{1}{2}\\\\left\\\\lVert A x\\\\right\\\\rVert^{2}\", " + X_AND_A + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.canonical").value("1/2*norm(A*x)^2"))
                .andExpect(jsonPath("$.notation").value("latex"));
        // the request may say which notation it is: in LaTeX, [ ] group as ( ) do
        parse("{\"expression\": \"[x + x] ^ T\", \"notation\": \"latex\", " + X_AND_A + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.canonical").value("(x + x)^T"))
                .andExpect(jsonPath("$.notation").value("latex"));
        parse("{\"expression\": \"x\", \"notation\": \"markdown\", " + X_AND_A + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("notation `markdown` is not known; write \"latex\" or \"text\", "
                        + "or leave it out to let the service tell from the text"));
    }

    @Test
    void aLatexErrorPointsIntoTheLatex() throws Exception {
        parse("{\"expression\": \"\\\\frac{x}{\\\\left| A \\\\right|}\", " + X_AND_A + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("|A| of a square matrix could mean its determinant or its "
                        + "entries' absolute values: write det(A) or abs(A)"))
                .andExpect(jsonPath("$.position").value(17));
    }

    @Test
    void reportsTheShapeOfAVector() throws Exception {
        parse("{\"expression\": \"(A + A^T) x\", " + X_AND_A + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shape[0]").value(3));
    }

    @Test
    void unknownNameIsAProblemWithPosition() throws Exception {
        parse("{\"expression\": \"x + z\", " + X_AND_A + "}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unknown-name"))
                .andExpect(jsonPath("$.detail").value("unknown name `z` (declared: x, A)"))
                .andExpect(jsonPath("$.position").value(5));
    }

    @Test
    void shapeMismatchNamesTheSubExpressions() throws Exception {
        parse("{\"expression\": \"x^T A y\", \"variables\": {\"x\": {\"shape\": [3]}, \"A\": {\"shape\": [3, 3]}, "
                + "\"y\": {\"shape\": [2]}}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/shape-mismatch"))
                .andExpect(jsonPath("$.detail").value(
                        "cannot multiply x^T A (1×3) by y (2×1): the inner sizes 3 and 2 differ"));
    }

    @Test
    void syntaxErrorsSayWhatIsMissing() throws Exception {
        parse("{\"expression\": \"x +\", " + X_AND_A + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/expression-syntax"))
                .andExpect(jsonPath("$.detail").value("missing operand after `+`"))
                .andExpect(jsonPath("$.position").value(3));
    }

    @Test
    void reservedAndMalformedDeclarationsAreRefused() throws Exception {
        parse("{\"expression\": \"T\", \"variables\": {\"T\": {\"shape\": []}}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-declaration"));
        parse("{\"expression\": \"x\", \"variables\": {\"x\": {\"shape\": [0]}}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-declaration"));
    }

    @Test
    void limitsAreRefusedEachWithItsOwnMessage() throws Exception {
        parse("{\"expression\": \"" + "x+".repeat(2000) + "x\", " + X_AND_A + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/limit-exceeded"))
                .andExpect(jsonPath("$.detail").value("the expression is 4001 characters long; the limit is 4000"));
        parse("{\"expression\": \"X\", \"variables\": {\"X\": {\"shape\": [100000, 100000]}}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/limit-exceeded"));
        parse("{\"expression\": \"eye(5000)\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the value of eye(5000) would have 25000000 entries; "
                        + "the limit is 1000000"));
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() throws Exception {
        parse("{\"expression\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"));
        parse("{\"expression\": \"x\", \"variables\": {\"x\": {\"shape\": \"three\"}}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "the request body is not the JSON this endpoint expects: field `variables.x.shape` has the "
                                + "wrong type or value"));
    }

    @Test
    void aMissingExpressionIsNamed() throws Exception {
        parse("{" + X_AND_A + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value("expression must not be null"));
    }

    @Test
    void unknownPathsAreProblemsToo() throws Exception {
        mvc.perform(get("/api/v1/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void randomTextOverHttpIsNeverAServerError() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "xA T^'()+-*/.,[]{}_0123456789eπ⊙ᵀ−·×\\\"sin(tr(";
        for (int n = 0; n < 300; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(1, 25); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String json = "{\"expression\": \"" + text.toString().replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\", " + X_AND_A + "}";
            int code = parse(json).andReturn().getResponse().getStatus();
            assertThat(code).as("status for %s", text).isIn(200, 400);
        }
    }

    /** The matrix answers' table, with every variable it names declared, through the parse endpoint. */
    private static final String MATRIX_VARS = "\"variables\": {\"x\": {\"shape\": [3]}, \"y\": {\"shape\": [3]}, "
            + "\"w\": {\"shape\": [3]}, \"A\": {\"shape\": [3, 3]}, \"B\": {\"shape\": [3, 3]}, "
            + "\"C\": {\"shape\": [2, 3]}, \"s\": {}, \"t\": {}, \"z\": {}}";

    /** A whole LaTeX matrix (what the learner page's math field sends) is read entry by entry, as a check reads it. */
    @Test
    void aLatexMatrixIsReadEntryByEntry() throws Exception {
        parse("{\"expression\": " + json("\\left(\\begin{pmatrix} 2 s & \\frac{1}{2} \\\\ t^{2} & 0 "
                + "\\end{pmatrix}\\right)") + ", " + MATRIX_VARS + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shape[0]").value(2))
                .andExpect(jsonPath("$.shape[1]").value(2))
                .andExpect(jsonPath("$.canonical").value("[[\"2*s\", \"1/2\"], [\"t^2\", \"0\"]]"))
                .andExpect(jsonPath("$.notation").value("latex"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.gradcheck.expr.parse.MatrixPositionTests#entryErrors")
    void anErrorInAMatrixEntryHasItsPositionInTheWholeText(String marked, String token, String names)
            throws Exception {
        String sent = marked.replace("@", "");
        parse("{\"expression\": " + json(sent) + ", " + MATRIX_VARS + "}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith(names)))
                .andExpect(jsonPath("$.position").value(marked.indexOf('@') + 1));
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
