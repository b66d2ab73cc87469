package io.gradcheck.learn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies learner tokens: {@code base64url(learnerId \n setSlug \n expiryEpochSecond) "." base64url(HMAC-SHA256)}.
 * The token travels with the page's requests (URL, header), never in a third-party cookie, because LMSs embed
 * tools in iframes. Instructor links and LTI launches hand out the same kind of token.
 */
public final class LearnerTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Clock clock;

    /** @param key at least 32 bytes of secret shared by every replica */
    public LearnerTokens(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a learner-token key needs at least 32 bytes");
        }
        this.key = key.clone();
        this.clock = clock;
    }

    public String issue(String learnerId, String setSlug, Duration validFor) {
        if (learnerId.indexOf('\n') >= 0 || setSlug.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("learner ids and set slugs cannot contain line breaks");
        }
        long expiry = clock.instant().plus(validFor).getEpochSecond();
        String payload = ENCODER.encodeToString(
                (learnerId + "\n" + setSlug + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The token's claims, or empty when it is malformed, tampered with or expired. */
    public Optional<LearnerToken> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] fields = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\n", -1);
            if (fields.length != 3) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[2]));
            if (!clock.instant().isBefore(expiresAt)) {
                return Optional.empty();
            }
            return Optional.of(new LearnerToken(fields[0], fields[1], expiresAt));
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
