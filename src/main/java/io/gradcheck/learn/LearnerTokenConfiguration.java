package io.gradcheck.learn;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one {@link LearnerTokens} bean. Its key comes from {@code gradcheck.learn.token-key} (base64, at least 32
 * bytes) when that is set; otherwise from the database (table {@code learner_token_key}), where the first replica
 * to start stores a random key. Either way every replica shares the key and links survive restarts.
 */
@Configuration(proxyBeanMethods = false)
class LearnerTokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LearnerTokenConfiguration.class);

    @Bean
    LearnerTokens learnerTokens(@Value("${gradcheck.learn.token-key:}") String configuredKey, JdbcTemplate jdbc,
            ObjectProvider<Clock> clockProvider) {
        Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
        byte[] key;
        if (configuredKey.isBlank()) {
            key = storedKey(jdbc, clock);
        } else {
            key = Base64.getDecoder().decode(configuredKey.trim());
        }
        return new LearnerTokens(key, clock);
    }

    /** The stored key, made and stored first if there is none; a replica that loses the race reads the winner's. */
    static byte[] storedKey(JdbcTemplate jdbc, Clock clock) {
        List<String> found = jdbc.queryForList("select secret from learner_token_key where id = 1", String.class);
        if (found.isEmpty()) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.update("insert into learner_token_key (id, secret, created_at) values (1, ?, ?)",
                        Base64.getEncoder().encodeToString(fresh), Timestamp.from(clock.instant()));
                log.info("made a new learner-token key and stored it in the database (table learner_token_key)");
                return fresh;
            } catch (DataIntegrityViolationException e) {
                found = jdbc.queryForList("select secret from learner_token_key where id = 1", String.class);
            }
        }
        return Base64.getDecoder().decode(found.get(0));
    }
}
