package io.gradcheck.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.check.NumericValue;
import io.gradcheck.checks.FixedValuesModule;
import io.gradcheck.problems.ProblemSetDefinition;
import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;
import io.gradcheck.problems.ProblemSetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: every problem of the shipped sets, read from its YAML (lists, as the importer reads it), stored as
 * JSON, and read back by the service's mapper (fixed values as {@link NumericValue}): stored again it is the same
 * text (so an unchanged definition keeps its version), and the learner page says the same of each variable.
 */
class FixedValueViewsTests {

    private final JsonMapper json = JsonMapper.builder().addModule(new FixedValuesModule(1_000_000)).build();

    @Test
    void storedAgainFromTheHolderEveryProblemIsTheSameTextAndView() throws Exception {
        int fixed = 0;
        for (Path file : ProblemSetFiles.list(Path.of("problem-sets"))) {
            ProblemSetDefinition set = ProblemSetFiles.read(file.toString(), Files.readString(file));
            for (ProblemDefinition fromYaml : set.problems()) {
                String stored = json.writeValueAsString(fromYaml);
                ProblemDefinition fromStore = json.readValue(stored, ProblemDefinition.class);
                assertThat(json.writeValueAsString(fromStore)).as(fromYaml.key()).isEqualTo(stored);
                assertThat(ProblemView.of(fromStore)).as(fromYaml.key()).isEqualTo(ProblemView.of(fromYaml));
                for (var spec : fromStore.variables().values()) {
                    if (spec != null && spec.value() != null) {
                        assertThat(spec.value()).isInstanceOf(NumericValue.class);
                        fixed++;
                    }
                }
            }
        }
        assertThat(fixed).as("fixed values in the shipped sets").isGreaterThan(10);
    }
}
