package io.gradcheck.checks;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gradcheck.web.CheckAdmission;
import io.gradcheck.web.HttpLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(CheckController.class)
@Import(CheckAdmission.class)
@EnableConfigurationProperties(HttpLimits.class)
class CheckControllerTests {

    @Autowired
    MockMvc mvc;

    private ResultActions check(String body) throws Exception {
        return mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void theWorkedExamplesAnswerAsDocumented() throws Exception {
        check(CheckDocs.CORRECT)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"))
                .andExpect(jsonPath("$.seed").value(42))
                .andExpect(jsonPath("$.function.latex").value("x^{\\top} A x"))
                .andExpect(jsonPath("$.parts[0].expectedShape[0]").value(3))
                .andExpect(jsonPath("$.parts[0].points.length()").value(8))
                .andExpect(jsonPath("$.parts[0].points[0].passed").value(true));
        check(CheckDocs.SYMMETRIC_ONLY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("incorrect"))
                .andExpect(jsonPath("$.parts[0].diagnosis.kind").value("symmetric_only"))
                .andExpect(jsonPath("$.parts[0].diagnosis.message").value(
                        "Your answer is right only when A is symmetric; for a general A the derivative is different "
                                + "(compare what A and its transpose contribute)."));
        check(CheckDocs.ENTRY_WISE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parts[0].diagnosis.kind").value("partially_correct"))
                .andExpect(jsonPath("$.parts[0].diagnosis.wrongEntries[0]").value("2"));
        check(CheckDocs.HESSIAN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"))
                .andExpect(jsonPath("$.parts[0].expectedShape[1]").value(3));
    }

    /** openapi-generator's models send optional arrays as []: an empty domain is the default one, not an error. */
    @Test
    void anEmptyDomainListMeansTheDefaultDomain() throws Exception {
        String body = "{\"function\": \"x^T x\", \"variables\": {\"x\": {\"shape\": [2], \"domain\": []}}, "
                + "\"constraints\": [], \"parts\": [{\"wrt\": \"x\", \"answer\": \"2 x\"}], \"seed\": 5}";
        check(body).andExpect(status().isOk()).andExpect(jsonPath("$.verdict").value("correct"));
        check(body.replace("\"domain\": []", "\"domain\": [1]")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the domain of x must be [low, high]"));
    }

    @Test
    void anUnreadableAnswerIsAVerdictNotAnError() throws Exception {
        check("{\"function\": \"x^T x\", \"variables\": {\"x\": {\"shape\": [2]}}, "
                + "\"parts\": [{\"wrt\": \"x\", \"answer\": \"2 x +\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.parts[0].diagnosis.message")
                        .value("We could not read your answer: missing operand after `+`"));
    }

    @Test
    void aBadFunctionIsA400() throws Exception {
        check("{\"function\": \"x^T B x\", \"variables\": {\"x\": {\"shape\": [2]}}, "
                + "\"parts\": [{\"wrt\": \"x\", \"answer\": \"2 x\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unknown-name"));
    }

    @Test
    void aBadPartIsA400() throws Exception {
        check("{\"function\": \"x^T x\", \"variables\": {\"x\": {\"shape\": [2]}}, "
                + "\"parts\": [{\"wrt\": \"y\", \"answer\": \"2 x\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-check"))
                .andExpect(jsonPath("$.detail").value("wrt `y` is not a declared variable (declared: x)"));
    }

    @Test
    void anEmptyDomainIsA422() throws Exception {
        check("{\"function\": \"log(s)\", \"variables\": {\"s\": {\"domain\": [-3, -1]}}, "
                + "\"parts\": [{\"wrt\": \"s\", \"answer\": \"1/s\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-question"));
    }

    @Test
    void aDerivativeAskedAtAKinkIsA422() throws Exception {
        check("{\"function\": \"abs(x)\", \"variables\": {\"x\": {\"value\": 0}}, "
                + "\"parts\": [{\"wrt\": \"x\", \"answer\": \"x/abs(x)\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/invalid-question"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "the function has no derivative with respect to x at its fixed value x = 0")));
    }

    @Test
    void aNumericAnswerTakesDigitsAndARoundingShortOfThemIsInaccurate() throws Exception {
        check("{\"function\": \"exp(x)\", \"variables\": {\"x\": {\"value\": 1}}, "
                + "\"parts\": [{\"wrt\": \"x\", \"answer\": \"2.72\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"));
        check("{\"function\": \"exp(x)\", \"variables\": {\"x\": {\"value\": 1}}, \"tolerance\": {\"digits\": 4}, "
                + "\"parts\": [{\"wrt\": \"x\", \"answer\": \"2.72\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parts[0].diagnosis.kind").value("inaccurate"));
        check("{\"function\": \"N s\", \"variables\": {\"N\": {\"shape\": [2, 2]}, \"s\": {}}, "
                + "\"parts\": [{\"wrt\": \"s\", \"layout\": \"vec\", \"answer\": \"vec(N)\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"))
                .andExpect(jsonPath("$.parts[0].layout").value("vec"));
    }

    @Test
    void malformedBodiesAreProblems() throws Exception {
        check("{\"function\": \"x\", \"points\": \"many\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"));
        check("{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("function is required"));
    }
}
