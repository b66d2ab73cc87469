package io.gradcheck.problems.web;

import io.gradcheck.check.Layout;
import io.gradcheck.web.SchemaDocs;
import io.gradcheck.web.SchemaDocs.Doc;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The definition a POST or PUT takes (and GET …/definition returns), as a generated client should see it: what
 * each schema means, the fields ProblemValidator requires (`required`), and the layouts as an enum. The records in
 * problems/ stay free of documentation annotations, as check/'s do (CheckSchemas).
 */
@Component
class ProblemSetSchemas implements OpenApiCustomizer {

    private static final Map<String, Doc> DOCS = Map.of(
            "ProblemSetDefinition", new Doc("A whole problem set, as a file in problem-sets/ holds it; validated "
                    + "like a file (every reference must pass its own check, else 422 invalid-problem-set)",
                    List.of("slug", "title", "problems")),
            "ProblemDefinition", new Doc("One problem: its statement (Markdown with LaTeX), variables, function "
                    + "and parts; optional grading settings (maxAttempts, transposedCredit, maxScore) and, for "
                    + "instructors, known wrong answers and an erratum", List.of("key", "title", "statement",
                    "function", "parts")),
            "PartDefinition", new Doc("One derivative asked: with respect to `wrt`, in a layout, of an order, with "
                    + "its reference answer (an expression, or an array entry by entry) and weight in the score",
                    List.of("wrt", "reference")),
            "WrongAnswer", new Doc("A known wrong answer and the diagnosis it must get (checked at every "
                    + "validation)", List.of("wrt", "answer", "diagnosis")));

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = SchemaDocs.schemas(api);
        if (schemas == null) {
            return;
        }
        SchemaDocs.apply(schemas, DOCS);
        Schema<?> part = schemas.get("PartDefinition");
        if (part != null && part.getProperties() != null && part.getProperties().get("layout") != null) {
            ((Schema) part.getProperties().get("layout")).setEnum(
                    Arrays.stream(Layout.values()).map(Layout::text).toList());
        }
    }
}
