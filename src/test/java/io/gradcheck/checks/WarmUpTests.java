package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The warm start: before readiness the service has answered its own loopback checks, every one a 200. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gradcheck.warm-up.requests=27", "gradcheck.warm-up.max-time=60s",
            "spring.datasource.url=jdbc:h2:mem:warm-up;DB_CLOSE_DELAY=-1"})
@ExtendWith(OutputCaptureExtension.class)
class WarmUpTests {

    @Autowired
    WarmUp warmUp;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyWarmUpCheckWasAnsweredThroughTheRealEndpointBeforeTheContextWasReady() {
        assertThat(warmUp.sent()).isEqualTo(27);
        long counted = meters.find("gradcheck.checks").timers().stream().mapToLong(Timer::count).sum();
        assertThat(counted).as("the warm-up went through POST /api/v1/checks").isGreaterThanOrEqualTo(27);
        long incorrect = meters.find("gradcheck.checks").tag("verdict", "incorrect").timers().stream()
                .mapToLong(Timer::count).sum();
        assertThat(incorrect).as("the mix has a wrong answer (2 A x), so the diagnosis is warmed too").isPositive();
    }

    @Test
    void theServiceSaysWhenItTakesTraffic(CapturedOutput output) {
        assertThat(output.getAll()).as("the service's own start, if it started in this test")
                .satisfiesAnyOf(all -> assertThat(all).doesNotContain("Started"),
                        all -> assertThat(all).contains("ready: accepting traffic"));
        int before = output.getAll().length();
        warmUp.onReadiness(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
        assertThat(output.getAll().substring(before)).doesNotContain("ready: accepting traffic");
        warmUp.onReadiness(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        assertThat(output.getAll().substring(before)).contains("ready: accepting traffic");
    }

    @Test
    void everyBodyIsAValidCheck() {
        assertThat(WarmUp.BODIES).hasSizeGreaterThan(5).allSatisfy(b -> assertThat(b).contains("\"parts\""));
    }

    @Test
    void eachRoundSendsTheFunctionsAsNewTextsSoThatTheParserIsWarmedToo() {
        int n = WarmUp.BODIES.size();
        for (int i = 0; i < n; i++) {
            String first = WarmUp.body(i);
            String later = WarmUp.body(i + 3 * n);
            assertThat(later).isNotEqualTo(first).contains("\"function\": \"   ")
                    .isEqualTo(first.replaceFirst("\"function\": \"", "\"function\": \"   "));
        }
        assertThat(WarmUp.body(0)).isEqualTo(WarmUp.BODIES.get(0));
    }
}
