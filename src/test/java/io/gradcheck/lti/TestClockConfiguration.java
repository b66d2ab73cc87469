package io.gradcheck.lti;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's clock in LTI tests: the one the tests move by hand. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    Clock ltiTestClock() {
        return LtiTestSupport.CLOCK;
    }
}
