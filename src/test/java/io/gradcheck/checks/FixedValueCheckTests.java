package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gradcheck.check.CheckRequest;
import io.gradcheck.check.NumericValue;
import io.gradcheck.expr.Limits;
import io.gradcheck.web.CheckAdmission;
import io.gradcheck.web.HttpLimits;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, through POST /api/v1/checks and the service's own mapper: fixed values read into primitive arrays
 * give the right verdicts and evidence, every malformed value is the 400 it was, and the cap on entries is the
 * configured {@code max-entries} (here 2,000,000, above the default, so that a 1001 × 1000 value is read).
 */
@WebMvcTest(CheckController.class)
@Import({CheckAdmission.class, FixedValueCheckTests.Configured.class})
@EnableConfigurationProperties(HttpLimits.class)
class FixedValueCheckTests {

    @TestConfiguration
    static class Configured {
        @Bean
        Limits limits() {
            Limits d = Limits.DEFAULT;
            return new Limits(d.maxLength(), d.maxNodes(), d.maxDepth(), 2_000_000, d.maxCost(), d.maxMatrixPower());
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private ResultActions check(String variables, String function, String wrt, String answer) throws Exception {
        return mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(
                "{\"function\": \"" + function + "\", \"variables\": {" + variables + "}, \"parts\": [{\"wrt\": \""
                        + wrt + "\", \"answer\": \"" + answer + "\"}], \"points\": 3, \"seed\": 11}"));
    }

    @Test
    void aFixedNumberVectorAndMatrixGiveTheRightVerdictsAndEvidence() throws Exception {
        String scalar = "\"a\": {\"value\": -2.5}, \"s\": {}";
        check(scalar, "a s^2", "s", "2 a s").andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"))
                .andExpect(jsonPath("$.parts[0].points[0].values.a").value(-2.5));
        check(scalar, "a s^2", "s", "-4 s").andExpect(jsonPath("$.verdict").value("incorrect"));

        String vector = "\"c\": {\"shape\": [3], \"value\": [1, -2, 0.5]}, \"x\": {\"shape\": [3]}";
        check(vector, "c^T x", "x", "c").andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"))
                .andExpect(jsonPath("$.parts[0].points[1].values.c[1]").value(-2.0))
                .andExpect(jsonPath("$.parts[0].points[1].values.c[2]").value(0.5));
        check(vector, "c^T x", "x", "2 c").andExpect(jsonPath("$.verdict").value("incorrect"));

        String matrix = "\"A\": {\"shape\": [2, 3], \"value\": [[2, 1, 0], [0, 3, -1]]}, \"x\": {\"shape\": [3]},"
                + " \"y\": {\"shape\": [2]}";
        check(matrix, "y^T A x", "x", "A^T y").andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"))
                .andExpect(jsonPath("$.parts[0].points[2].values.A[1][2]").value(-1.0))
                .andExpect(jsonPath("$.parts[0].points[2].values.A[0][0]").value(2.0));
        check(matrix, "y^T A x", "x", "A y").andExpect(jsonPath("$.verdict").value("invalid"));
        String square = "\"A\": {\"shape\": [2, 2], \"value\": [[2, 1], [0, 3]]}, \"x\": {\"shape\": [2]}";
        check(square, "x^T A x", "x", "(A + A^T) x").andExpect(jsonPath("$.verdict").value("correct"));
        check(square, "x^T A x", "x", "2 A x").andExpect(jsonPath("$.verdict").value("incorrect"))
                .andExpect(jsonPath("$.parts[0].diagnosis.kind").value("symmetric_only"));
    }

    /** The same 400 as before the reader: the problem type and the shape's own words. */
    @Test
    void everyMalformedValueIsTheSame400() throws Exception {
        for (String value : List.of("\"1 0; 0 1\"", "{\"a\": 1}", "true", "[[1, null], [0, 1]]", "[[1, \"0\"], [0, 1]]",
                "[[[1, 0]], [[0, 1]]]", "[[1, 0], [0]]", "[1, [0, 1]]", "[[1, 0], 1]", "[1, 0, 0, 1]", "[[1, 0, 0]]",
                "7", "[]", "[[]]", "[[1, 0], [0, 1e999]]")) {
            check("\"A\": {\"shape\": [2, 2], \"value\": " + value + "}, \"x\": {\"shape\": [2]}", "x^T A x", "x",
                    "(A + A^T) x")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/invalid-check"))
                    .andExpect(jsonPath("$.detail").value(
                            "the value of A must be 2 rows of 2 numbers, as its shape [2, 2] says"));
        }
        check("\"c\": {\"shape\": [3], \"value\": [1, 2]}, \"x\": {\"shape\": [3]}", "c^T x", "x", "c")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the value of c must be an array of 3 numbers, as its shape [3] says"));
        check("\"a\": {\"value\": [1, 2]}, \"s\": {}", "a s", "s", "a")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the value of a must be a number, as its shape [] says"));
    }

    /** The service's mapper reads a large value straight into one array, up to the configured max-entries. */
    @Test
    void theServicesMapperReadsLargeValuesIntoTheHolderUpToTheConfiguredLimit() {
        NumericValue a = (NumericValue) value(matrix(1000, 1000));
        assertThat(a.dims()).containsExactly(1000, 1000);
        assertThat(a.data()).hasSize(1_000_000);
        assertThat(a.data()[1000 * 1000 - 1]).isEqualTo(entry(999, 999));
        assertThat(value(matrix(1001, 1000))).as("1,001,000 entries: over the default 1,000,000, under the "
                + "configured 2,000,000").isInstanceOf(NumericValue.class);
        assertThat(value(matrix(2001, 1000))).isInstanceOf(NumericValue.Unreadable.class);
    }

    private Object value(String a) {
        return json.readValue("{\"function\": \"x^T A x\", \"variables\": {\"A\": {\"value\": " + a + "}}}",
                CheckRequest.class).variables().get("A").value();
    }

    private static double entry(int i, int j) {
        return ((i * 31 + j * 17) % 19 - 9) / 4.0;
    }

    static String matrix(int rows, int cols) {
        StringBuilder a = new StringBuilder(rows * cols * 6).append('[');
        for (int i = 0; i < rows; i++) {
            a.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < cols; j++) {
                a.append(j == 0 ? "" : ",").append(entry(i, j));
            }
            a.append(']');
        }
        return a.append(']').toString();
    }
}
