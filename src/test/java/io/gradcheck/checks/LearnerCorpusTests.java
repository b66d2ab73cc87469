package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import io.gradcheck.web.CheckAdmission;
import io.gradcheck.web.HttpLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A corpus of correct answers written as learners write them (src/test/resources/notation/learner-answers.txt):
 * at least 150, plain and LaTeX, and at least 97 % of them read and accepted through POST /api/v1/checks.
 */
@WebMvcTest(CheckController.class)
@Import(CheckAdmission.class)  // the door in front of every check
@EnableConfigurationProperties(HttpLimits.class)
class LearnerCorpusTests {

    @Autowired
    MockMvc mvc;

    @Test
    void learnersCorrectAnswersAreReadAndAccepted() throws Exception {
        List<String[]> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
        long latex = corpus.stream().filter(c -> c[3].contains("\\")).count();
        assertThat(latex).as("LaTeX answers in the corpus").isGreaterThanOrEqualTo(50);
        List<String> refused = new ArrayList<>();
        for (String[] c : corpus) {
            String[] wrt = c[2].split("/");
            String body = "{\"function\": " + NotationCheckTests.json(c[0]) + ", \"variables\": "
                    + NotationCheckTests.variables(c[1]) + ", \"seed\": 3, \"parts\": [{\"wrt\": "
                    + NotationCheckTests.json(wrt[0]) + (wrt.length > 1 ? ", \"layout\": "
                    + NotationCheckTests.json(wrt[1]) : "") + ", \"answer\": " + NotationCheckTests.json(c[3]) + "}]}";
            String response = mvc.perform(post("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (!response.startsWith("{\"verdict\":\"correct\"")) {
                refused.add(c[3] + " for d/d" + wrt[0] + " " + c[0] + ": " + response.replaceAll("\"points\":\\[.*?\\],", ""));
            }
        }
        double accepted = 1 - refused.size() / (double) corpus.size();
        assertThat(accepted).as("accepted %d of %d; refused: %s", corpus.size() - refused.size(), corpus.size(),
                String.join("\n", refused)).isGreaterThanOrEqualTo(0.97);
    }

    static List<String[]> corpus() throws IOException {
        try (InputStream in = LearnerCorpusTests.class.getResourceAsStream("/notation/learner-answers.txt")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\\s*¦\\s*");
                    rows.add(new String[] {f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim()});
                }
            }
            return rows;
        }
    }
}
