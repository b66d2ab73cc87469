package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradcheck.GradcheckProperties;
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
        assertThatThrownBy(() -> RequestBounds.STANDARD.check(declaring(variables, 8))).isInstanceOf(OverLimit.class)
                .hasMessageContaining("1000000").extracting(e -> ((OverLimit) e).limit()).isEqualTo("too-many-entries");
        for (int i = 40; i < 300; i++) {
            variables.put("M" + i, matrix(1000));
        }
        assertThatThrownBy(() -> RequestBounds.STANDARD.check(declaring(variables, 8))).isInstanceOf(OverLimit.class)
                .extracting(e -> ((OverLimit) e).limit()).isEqualTo("too-many-variables");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void aLargeVariableTimesManyPointsIsRefused() {
        Map<String, VariableSpec> variables = Map.of("x", new VariableSpec(List.of(500_000), null, null, null, null,
                null));
        RequestBounds.STANDARD.check(declaring(variables, 8));
        assertThatThrownBy(() -> RequestBounds.STANDARD.check(declaring(variables, 64))).isInstanceOf(OverLimit.class)
                .extracting(e -> ((OverLimit) e).limit()).isEqualTo("too-many-drawn-numbers");
    }

    @Test
    void theEntryBoundsFollowTheEngineMaxEntries() {
        GradcheckProperties small = new GradcheckProperties(null, null,
                new GradcheckProperties.Engine(null, null, null, 5000, null, null), null);
        RequestBounds bounds = RequestBounds.of(small);
        Map<String, VariableSpec> atTheLimit = Map.of("x", new VariableSpec(List.of(5000), null, null, null, null,
                null));
        bounds.check(declaring(atTheLimit, 8));
        Map<String, VariableSpec> oneMore = new LinkedHashMap<>(atTheLimit);
        oneMore.put("c", new VariableSpec(List.of(), null, null, null, null, null));
        assertThatThrownBy(() -> bounds.check(declaring(oneMore, 8))).isInstanceOf(OverLimit.class)
                .hasMessageContaining("5001 entries in all; the limit is 5000")
                .extracting(e -> ((OverLimit) e).limit()).isEqualTo("too-many-entries");
        assertThatThrownBy(() -> bounds.check(declaring(atTheLimit, 9))).isInstanceOf(OverLimit.class)
                .hasMessageContaining("the limit is 40000")
                .extracting(e -> ((OverLimit) e).limit()).isEqualTo("too-many-drawn-numbers");
        // the defaults are unchanged: 1,000,000 declared, 8,000,000 drawn
        assertThatThrownBy(() -> RequestBounds.STANDARD.check(declaring(Map.of("x", new VariableSpec(
                List.of(1_000_001), null, null, null, null, null)), 1))).hasMessageContaining("the limit is 1000000");
    }

    @Test
    void aDomainOfInfiniteWidthIsRefused() {
        Map<String, VariableSpec> variables = Map.of("x", new VariableSpec(List.of(), null, List.of(-1e308, 1e308),
                null, null, null));
        assertThatThrownBy(() -> RequestBounds.STANDARD.check(declaring(variables, 8))).isInstanceOf(OverLimit.class)
                .extracting(e -> ((OverLimit) e).limit()).isEqualTo("domain-out-of-range");
    }

    @Test
    void aNullPartIsABadRequestNotANullPointer() {
        CheckRequest request = new CheckRequest("x^2", Map.of("x", new VariableSpec(List.of(), null, null, null, null,
                null)), null, java.util.Arrays.asList((Part) null), 8, 1L, null);
        assertThatThrownBy(() -> RequestBounds.STANDARD.check(request)).hasMessageContaining("parts[0] is null");
    }
}
