package io.gradcheck.learn;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link LearnerTokens} bean. Its key comes from {@code gradcheck.learn.token-key} (base64, at least 32
 * bytes; set it in production so tokens survive restarts and are shared by replicas); without it a random key is
 * made at start-up.
 */
@Configuration(proxyBeanMethods = false)
class LearnerTokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LearnerTokenConfiguration.class);

    @Bean
    LearnerTokens learnerTokens(@Value("${gradcheck.learn.token-key:}") String configuredKey,
            ObjectProvider<Clock> clock) {
        byte[] key;
        if (configuredKey.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            log.warn("gradcheck.learn.token-key is not set: learner links made now stop working at the next restart");
        } else {
            key = Base64.getDecoder().decode(configuredKey.trim());
        }
        return new LearnerTokens(key, clock.getIfAvailable(Clock::systemUTC));
    }
}
