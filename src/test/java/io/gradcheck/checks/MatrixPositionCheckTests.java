package io.gradcheck.checks;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gradcheck.expr.parse.MatrixPositionTests;
import io.gradcheck.web.CheckAdmission;
import io.gradcheck.web.HttpLimits;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Through POST /api/v1/checks: an unreadable answer is a verdict (invalid, diagnosis unreadable), and its
 * {@code position} (1-based) points at the offending token in the answer as sent. For a LaTeX matrix that is the
 * whole LaTeX text; for a JSON array of entries, the entry's own text, the message naming the entry either way.
 */
@WebMvcTest(CheckController.class)
@Import(CheckAdmission.class)
@EnableConfigurationProperties(HttpLimits.class)
class MatrixPositionCheckTests {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.gradcheck.expr.parse.MatrixPositionTests#entryErrors")
    void aLatexMatrixAnswerNamesTheEntryAndThePlaceInTheWholeText(String marked, String token, String names)
            throws Exception {
        String sent = marked.replace("@", "");
        check(json(sent))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.parts[0].diagnosis.kind").value("unreadable"))
                .andExpect(jsonPath("$.parts[0].diagnosis.message")
                        .value(Matchers.startsWith("We could not read your answer: " + names)))
                .andExpect(jsonPath("$.parts[0].diagnosis.position").value(marked.indexOf('@') + 1));
    }

    /** answer JSON with @ before the offending token of one entry ¦ the entry the message names. */
    static Stream<Arguments> plainForms() {
        return Stream.of(
                Arguments.of("[[\"s\", \"2 @+\"], [\"t\", \"1\"]]", "entry (1,2) of the answer"),
                Arguments.of("[[\"s\", \"t\"], [\"1\", \"0\"], [\"\\\\frac{1}{2} @q\", \"s\"]]",
                        "entry (3,1) of the answer"),
                Arguments.of("[\"s\", \"sin(s) @q\"]", "entry 2 of the answer"),
                Arguments.of("\"s + @q\"", "unknown name `q`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainForms")
    void aPlainAnswerNamesThePlaceInTheTextItWasSentIn(String marked, String names) throws Exception {
        // the position counts in the JSON string the token stands in (after its opening quote)
        int at = marked.indexOf('@');
        int opening = marked.lastIndexOf('"', at);
        check(marked.replace("@", ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.parts[0].diagnosis.message").value(Matchers.containsString(names)))
                .andExpect(jsonPath("$.parts[0].diagnosis.position").value(unescapedLength(marked, opening, at) + 1));
    }

    /** Characters of the JSON string between the opening quote and {@code at}, with \\ counted once. */
    private static int unescapedLength(String json, int opening, int at) {
        return json.substring(opening + 1, at).replace("\\\\", "\\").length();
    }

    private static String json(String s) {
        return NotationCheckTests.json(s).replace("\n", "\\n");
    }

    private ResultActions check(String answerJson) throws Exception {
        String body = "{\"function\": \"s t\", \"variables\": " + NotationCheckTests.variables(MatrixPositionTests.VARS)
                + ", \"seed\": 7, \"parts\": [{\"wrt\": \"s\", \"answer\": " + answerJson + "}]}";
        return mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
