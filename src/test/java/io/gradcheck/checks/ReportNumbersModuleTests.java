package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.check.NumberList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReportNumbersModuleTests {

    private static final double[] NUMBERS = {1.5, -0.0, 2, 1e-300, -123456.789, 0.1 + 0.2, Double.MIN_VALUE};

    /** The module writes the text a list of boxed numbers gave, with and without the fast double writer. */
    @Test
    void numbersAreWrittenAsTheListOfTheirValuesWas() {
        List<Double> boxed = new java.util.ArrayList<>();
        for (double d : NUMBERS) {
            boxed.add(d);
        }
        for (boolean fast : new boolean[] {false, true}) {
            var plain = JsonMapper.builder()
                    .configure(tools.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER, fast).build();
            var withModule = JsonMapper.builder().addModule(new ReportNumbersModule())
                    .configure(tools.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER, fast).build();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("x", NumberList.of(NUMBERS));
            evidence.put("reference", 0.5);
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("x", boxed);
            expected.put("reference", 0.5);
            String written = withModule.writeValueAsString(evidence);
            assertThat(written).isEqualTo(plain.writeValueAsString(expected))
                    .isEqualTo(plain.writeValueAsString(evidence));
            assertThat(written).startsWith("{\"x\":[1.5,-0.0,2.0,1.0E-300,");
        }
    }

    /** The module's own writer is the one the mapper picks for a NumberList, not the boxed list's. */
    @Test
    void theMapperWritesANumberListWithTheModulesWriter() {
        var mapper = JsonMapper.builder().addModule(new ReportNumbersModule()).build();
        assertThat(mapper._serializationContext().findValueSerializer(NumberList.class))
                .isInstanceOf(ReportNumbersModule.Writer.class);
    }
}
