package io.gradcheck;

import io.gradcheck.check.Checker;
import io.gradcheck.check.Seeds;
import io.gradcheck.expr.Limits;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The core as beans: one {@link Checker} built from configuration and used by every feature, the engine's
 * limits, and the two sources of nondeterminism (time and seeds), injected so that tests can pin them.
 */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    Limits limits(GradcheckProperties properties) {
        return properties.engine().limits();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Seeds seeds() {
        return Seeds.random();
    }

    @Bean
    Checker checker(Limits limits, GradcheckProperties properties, Seeds seeds) {
        return new Checker(limits, properties.checks().defaults(), seeds);
    }
}
