package io.gradcheck.insights;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links to a set's insights page, for a browser, which cannot send the instructor's API key:
 * {@code base64url("insights" \n setSlug \n expiryEpochSecond \n "instructor") "." base64url(HMAC-SHA256)}. The
 * key is not the learner-token key, and the payload has four fields where a learner token has three, so neither
 * kind of token passes for the other even under one key.
 * The key comes from {@code gradcheck.insights.link-key} (base64, at least 32 bytes; set it so links survive
 * restarts and work on every replica); without it a random key is made at start-up.
 */
@Component
public class InsightLinks {

    private static final Logger log = LoggerFactory.getLogger(InsightLinks.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String PURPOSE = "insights";
    private static final String ROLE = "instructor";

    private final byte[] key;
    private final Clock clock;

    @Autowired
    InsightLinks(@Value("${gradcheck.insights.link-key:}") String configuredKey, ObjectProvider<Clock> clock) {
        this(key(configuredKey), clock.getIfAvailable(Clock::systemUTC));
    }

    public InsightLinks(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an insights link key needs at least 32 bytes");
        }
        this.key = key.clone();
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
        String claims = PURPOSE + "\n" + setSlug + "\n" + expiresAt.getEpochSecond() + "\n" + ROLE;
        String payload = ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return new Issued(payload + "." + ENCODER.encodeToString(mac(payload)), expiresAt);
    }

    public record Issued(String token, Instant expiresAt) {
    }

    /** The set the token opens, or empty when it is malformed, tampered with, expired or of another purpose. */
    public Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(DECODER.decode(token.substring(dot + 1)), mac(payload))) {
                return Optional.empty();
            }
            String[] fields = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\n", -1);
            if (fields.length != 4 || !fields[0].equals(PURPOSE) || !fields[3].equals(ROLE)
                    || !clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(fields[2])))) {
                return Optional.empty();
            }
            return Optional.of(fields[1]);
        } catch (IllegalArgumentException e) { // bad base64 or number
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
