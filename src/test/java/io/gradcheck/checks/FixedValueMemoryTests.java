package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.check.CheckRequest;
import io.gradcheck.check.NumericValue;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * The memory figure of docs/performance.md (issue 16): reading a check request whose fixed A is 1000 × 1000
 * (~21 MB of JSON, 17 significant digits) as boxed lists (a mapper without the module, as before) and as a
 * {@link NumericValue}: bytes allocated by the reading thread, heap the read request keeps, time to read
 * (median of 10). Opt-in, a measurement: {@code ./mvnw -o test -Dtest=FixedValueMemoryTests -Dgradcheck.bench=true}.
 */
@EnabledIfSystemProperty(named = "gradcheck.bench", matches = "true")
class FixedValueMemoryTests {

    @Test
    void readingAThousandByThousandValue() {
        SplittableRandom random = new SplittableRandom(16);
        StringBuilder a = new StringBuilder(22_000_000).append('[');
        for (int i = 0; i < 1000; i++) {
            a.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < 1000; j++) {
                a.append(j == 0 ? "" : ",").append(random.nextDouble(-1, 1));
            }
            a.append(']');
        }
        String body = "{\"function\": \"x^T A x\", \"variables\": {\"x\": {\"shape\": [1000]}, \"A\": {\"shape\": "
                + "[1000, 1000], \"value\": " + a.append(']') + "}}, \"parts\": [{\"wrt\": \"x\", \"answer\": "
                + "\"(A + A^T) x\"}], \"seed\": 1}";
        JsonMapper lists = new JsonMapper();
        JsonMapper holder = JsonMapper.builder().addModule(new FixedValuesModule(1_000_000)).build();
        System.out.printf(Locale.ROOT, "body: %.1f MB%n", body.length() / 1e6);
        report("boxed lists (before)", lists, body);
        report("NumericValue (after)", holder, body);
        assertThat(holder.readValue(body, CheckRequest.class).variables().get("A").value())
                .isInstanceOf(NumericValue.class);
    }

    private static void report(String what, JsonMapper mapper, String body) {
        Function<String, CheckRequest> read = b -> mapper.readValue(b, CheckRequest.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Long> nanos = new ArrayList<>();
        long allocated = 0;
        for (int i = 0; i < 13; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            CheckRequest r = read.apply(body);
            nanos.add(System.nanoTime() - start);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(r.variables()).hasSize(2);
        }
        List<Long> timed = new ArrayList<>(nanos.subList(3, nanos.size()));
        timed.sort(null);
        long base = usedAfterGc();
        CheckRequest kept = read.apply(body);
        long retained = usedAfterGc() - base;
        assertThat(kept.function()).isNotNull();
        System.out.printf(Locale.ROOT, "%s: allocated %.1f MB, retained %.1f MB, read median %.0f ms (min %.0f, "
                + "max %.0f of %d)%n", what, allocated / 1e6, retained / 1e6, (timed.get(4) + timed.get(5)) / 2e6,
                timed.get(0) / 1e6, timed.get(timed.size() - 1) / 1e6, timed.size());
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
