package io.gradcheck.learn;

import static io.gradcheck.web.SchemaDocs.describe;

import io.gradcheck.check.Verdict;
import io.gradcheck.web.SchemaDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the learner page's answers endpoint takes and gives, as a generated client should see it: the answers are
 * needed, a result and an attempt always carry their figures, and verdicts are the four words of {@link Verdict}.
 */
@Component
class LearnSchemas implements OpenApiCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = SchemaDocs.schemas(api);
        if (schemas == null) {
            return;
        }
        describe(schemas, "AnswerRequest", "The answers by part (each part's wrt); every part needs one",
                List.of("answers"));
        describe(schemas, "Result", "The verdict, score and feedback per part; with a learner token also the "
                + "attempts used and left and the learner's history", List.of("practice", "verdict", "score", "parts",
                "attemptsUsed", "seed", "history"));
        describe(schemas, "Attempt", "One earlier attempt of the learner", List.of("attempt", "verdict", "score",
                "at", "answers"));
        List<String> verdicts = Arrays.stream(Verdict.values()).map(Verdict::text).toList();
        for (String name : List.of("Result", "Attempt")) {
            Schema<?> s = schemas.get(name);
            if (s != null && s.getProperties() != null && s.getProperties().get("verdict") != null) {
                ((Schema) s.getProperties().get("verdict")).setEnum(verdicts);
            }
        }
    }
}
