package io.gradcheck.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.check.CheckException;
import io.gradcheck.expr.ExpressionException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every error the core can raise has a row in the table, and every row is documented. */
class ProblemTypeTests {

    @Test
    void everyCoreErrorKindHasARow() {
        for (ExpressionException.Kind k : ExpressionException.Kind.values()) {
            assertThat(ProblemType.ofSlug(k.slug()).status().value()).isEqualTo(400);
        }
        assertThat(ProblemType.ofSlug(CheckException.Kind.BAD_REQUEST.slug()).status().value()).isEqualTo(400);
        assertThat(ProblemType.ofSlug(CheckException.Kind.QUESTION.slug()).status().value()).isEqualTo(422);
    }

    @Test
    void everyRowIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs", "errors.md"));
        for (ProblemType t : ProblemType.values()) {
            assertThat(doc).as(t.slug()).contains("`/problems/" + t.slug() + "` | " + t.status().value() + " |");
        }
    }
}
