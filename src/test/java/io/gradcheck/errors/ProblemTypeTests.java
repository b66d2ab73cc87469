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
        assertThat(ProblemType.ofSlug(CheckException.Kind.WORK_BUDGET.slug()).status().value()).isEqualTo(400);
        assertThat(ProblemType.DEADLINE_EXCEEDED.status().value()).isEqualTo(503);
    }

    @Test
    void everyRowIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs", "errors.md"));
        for (ProblemType t : ProblemType.values()) {
            assertThat(doc).as(t.slug()).contains("`/problems/" + t.slug() + "` | " + t.status().value() + " |");
        }
    }

    /** The other way: every type the page documents is a row of the table, with the page's status. */
    @Test
    void everyDocumentedTypeIsARow() throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\| `/problems/([a-z-]+)` \\| (\\d{3}) \\|")
                .matcher(Files.readString(Path.of("docs", "errors.md")));
        int rows = 0;
        while (m.find()) {
            rows++;
            assertThat(ProblemType.ofSlug(m.group(1)).status().value()).as(m.group(1))
                    .isEqualTo(Integer.parseInt(m.group(2)));
        }
        assertThat(rows).isEqualTo(ProblemType.values().length);
    }
}
