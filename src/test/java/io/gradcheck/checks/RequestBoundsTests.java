package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradcheck.check.CheckRequest;
import io.gradcheck.check.CheckRequest.Part;
import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.web.OverLimit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The requests of issue 15 that exhausted the heap are refused before anything is drawn. */
class RequestBoundsTests {

    private static CheckRequest declaring(Map<String, VariableSpec> variables, Integer points) {
        return new CheckRequest("x^2", variables, null, List.of(new Part("x", null, null, "2 x")), points, 1L, null);
    }

    private static VariableSpec matrix(int n) {
        return new VariableSpec(List.of(n, n), null, null, null, null, null);
    }

    @Test
    void threeHundredUnusedMillionEntryMatricesAreRefusedAtOnce() {
        Map<String, VariableSpec> variables = new LinkedHashMap<>();
        variables.put("x", new VariableSpec(List.of(), null, null, null, null, null));
        for (int i = 0; i < 40; i++) {
            variables.put("M" + i, matrix(1000));
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> RequestBounds.check(declaring(variables, 8))).isInstanceOf(OverLimit.class)
                .hasMessageContaining("1000000").extracting(e -> ((OverLimit) e).limit()).isEqualTo("too-many-entries");
        for (int i = 40; i < 300; i++) {
            variables.put("M" + i, matrix(1000));
        }
        assertThatThrownBy(() -> RequestBounds.check(declaring(variables, 8))).isInstanceOf(OverLimit.class)
                .extracting(e -> ((OverLimit) e).limit()).isEqualTo("too-many-variables");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void aLargeVariableTimesManyPointsIsRefused() {
        Map<String, VariableSpec> variables = Map.of("x", new VariableSpec(List.of(500_000), null, null, null, null,
                null));
        RequestBounds.check(declaring(variables, 8));
        assertThatThrownBy(() -> RequestBounds.check(declaring(variables, 64))).isInstanceOf(OverLimit.class)
                .extracting(e -> ((OverLimit) e).limit()).isEqualTo("too-many-drawn-numbers");
    }

    @Test
    void aDomainOfInfiniteWidthIsRefused() {
        Map<String, VariableSpec> variables = Map.of("x", new VariableSpec(List.of(), null, List.of(-1e308, 1e308),
                null, null, null));
        assertThatThrownBy(() -> RequestBounds.check(declaring(variables, 8))).isInstanceOf(OverLimit.class)
                .extracting(e -> ((OverLimit) e).limit()).isEqualTo("domain-out-of-range");
    }

    @Test
    void aNullPartIsABadRequestNotANullPointer() {
        CheckRequest request = new CheckRequest("x^2", Map.of("x", new VariableSpec(List.of(), null, null, null, null,
                null)), null, java.util.Arrays.asList((Part) null), 8, 1L, null);
        assertThatThrownBy(() -> RequestBounds.check(request)).hasMessageContaining("parts[0] is null");
    }
}
