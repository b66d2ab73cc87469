package io.gradcheck.checks;

import io.gradcheck.web.SchemaDocs;
import io.gradcheck.web.SchemaDocs.Doc;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the check records in check/ would say in annotations, said here instead (the core stays plain Java):
 * which fields every response carries, and what each schema means. Generated clients use `required` to make
 * fields non-optional.
 */
@Component
class CheckSchemas implements OpenApiCustomizer {

    private static final Map<String, Doc> DOCS = Map.of(
            "CheckRequest", new Doc("A function of declared variables and the derivative parts to check "
                    + "(null fields take the documented defaults)", List.of("function", "parts")),
            "VariableSpec", new Doc("A declared variable: its shape, and a fixed value or how to draw it. "
                    + "An empty `domain` ([]) means the default [-2, 2]", List.of()),
            "Part", new Doc("One derivative to check: with respect to `wrt`, its layout and order, and the answer "
                    + "(one expression, or a JSON array of scalar expressions entry by entry)", List.of("wrt", "answer")),
            "CheckReport", new Doc("The outcome of a check; the seed reproduces it exactly",
                    List.of("verdict", "seed", "parts")),
            "PartReport", new Doc("One part: its verdict, the shapes, the diagnosis (when not correct) and the "
                    + "evidence point by point", List.of("wrt", "layout", "order", "verdict", "points", "skippedPoints")),
            "Diagnosis", new Doc("What is wrong, in one sentence; `factor` for scaled, `wrongEntries` for "
                    + "partially_correct, `expectedShape`/`suggestedLayout` for wrong_shape, `position` (1-based, in the "
                    + "answer's text as sent; in the entry's own text for a JSON array) for unreadable",
                    List.of("kind", "message")),
            "ExpressionView", new Doc("How an expression was read: its shape, canonical text and LaTeX",
                    List.of("shape", "canonical", "latex")),
            "PointEvidence", new Doc("One point: the variables' values, the reference D_v f, the answer contracted "
                    + "with the same direction, the largest entry-wise error, and whether it passed",
                    List.of("reference", "answer", "error", "passed")));

    @Override
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = SchemaDocs.schemas(api);
        if (schemas == null) {
            return;
        }
        SchemaDocs.apply(schemas, DOCS);
    }
}
