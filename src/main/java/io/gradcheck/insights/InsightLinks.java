package io.gradcheck.insights;

import io.gradcheck.signing.SignedFields;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links to a set's insights page, for a browser, which cannot send the instructor's API key:
 * the signed fields "insights", setSlug, expiryEpochSecond, "instructor" ({@link SignedFields}). The
 * key is not the learner-token key, and the payload has four fields where a learner token has three, so neither
 * kind of token passes for the other even under one key.
 * The key comes from {@code gradcheck.insights.link-key} (base64, at least 32 bytes; set it so links survive
 * restarts and work on every replica); without it a random key is made at start-up.
 */
@Component
public class InsightLinks {

    private static final Logger log = LoggerFactory.getLogger(InsightLinks.class);
    private static final String PURPOSE = "insights";
    private static final String ROLE = "instructor";

    private final SignedFields signed;
    private final Clock clock;

    @Autowired
    InsightLinks(@Value("${gradcheck.insights.link-key:}") String configuredKey, ObjectProvider<Clock> clock) {
        this(key(configuredKey), clock.getIfAvailable(Clock::systemUTC));
    }

    public InsightLinks(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an insights link key needs at least 32 bytes");
        }
        this.signed = new SignedFields(key);
        this.clock = clock;
    }

    private static byte[] key(String configured) {
        if (!configured.isBlank()) {
            return Base64.getDecoder().decode(configured.trim());
        }
        log.warn("gradcheck.insights.link-key is not set: instructor links made now stop working at the next restart");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** Where the set's insights page is served; open it with {@code ?token=} and an issued token. */
    public static String pagePath(String setSlug) {
        return "/instructor/problem-sets/" + setSlug + "/insights";
    }

    /** A token for the set's page, valid for the given time. */
    public Issued issue(String setSlug, Duration validFor) {
        if (setSlug.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("set slugs cannot contain line breaks");
        }
        Instant expiresAt = Instant.ofEpochSecond(clock.instant().plus(validFor).getEpochSecond());
        return new Issued(signed.sign(List.of(PURPOSE, setSlug, Long.toString(expiresAt.getEpochSecond()), ROLE)),
                expiresAt);
    }

    public record Issued(String token, Instant expiresAt) {
    }

    /** The set the token opens, or empty when it is malformed, tampered with, expired or of another purpose. */
    public Optional<String> verify(String token) {
        return signed.verify(token).filter(f -> f.size() == 4 && f.get(0).equals(PURPOSE) && f.get(3).equals(ROLE))
                .filter(f -> {
                    try {
                        return clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(f.get(2))));
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }).map(f -> f.get(1));
    }
}
