package io.gradcheck.learn;

import io.gradcheck.signing.SignedFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issues and verifies learner tokens: the signed fields learnerId, setSlug, expiryEpochSecond
 * ({@link SignedFields}). The token travels with the page's requests (URL, header), never in a third-party
 * cookie, because LMSs embed tools in iframes. Instructor links and LTI launches hand out the same kind of token.
 */
public final class LearnerTokens {

    private final SignedFields signed;
    private final Clock clock;

    /** @param key at least 32 bytes of secret shared by every replica */
    public LearnerTokens(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a learner-token key needs at least 32 bytes");
        }
        this.signed = new SignedFields(key);
        this.clock = clock;
    }

    public String issue(String learnerId, String setSlug, Duration validFor) {
        if (learnerId.indexOf('\n') >= 0 || setSlug.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("learner ids and set slugs cannot contain line breaks");
        }
        long expiry = clock.instant().plus(validFor).getEpochSecond();
        return signed.sign(List.of(learnerId, setSlug, Long.toString(expiry)));
    }

    /** The token's claims, or empty when it is malformed, tampered with or expired. */
    public Optional<LearnerToken> verify(String token) {
        return signed.verify(token).filter(fields -> fields.size() == 3).flatMap(fields -> {
            try {
                Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields.get(2)));
                return clock.instant().isBefore(expiresAt)
                        ? Optional.of(new LearnerToken(fields.get(0), fields.get(1), expiresAt)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
