package io.gradcheck.lti;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The service's clock in LTI tests: the one the tests move by hand. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    Clock clock() {
        return LtiTestSupport.CLOCK;
    }
}
