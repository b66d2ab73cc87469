package io.gradcheck.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.MutableClock;
import io.gradcheck.learn.LearnerTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InsightLinksTests {

    final byte[] key = new byte[32];
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final InsightLinks links = new InsightLinks(key, clock);

    @Test
    void aLinkOpensItsSetUntilItExpires() {
        InsightLinks.Issued issued = links.issue("ds4420-lecture-2", Duration.ofHours(12));
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-11-22T22:00:00Z"));
        assertThat(links.verify(issued.token())).hasValue("ds4420-lecture-2");
        clock.set(Instant.parse("2026-11-22T21:59:59Z"));
        assertThat(links.verify(issued.token())).hasValue("ds4420-lecture-2");
        clock.set(Instant.parse("2026-11-22T22:00:00Z"));
        assertThat(links.verify(issued.token())).isEmpty();
    }

    @Test
    void aTamperedOrForeignTokenOpensNothing() {
        String token = links.issue("a-set", Duration.ofHours(1)).token();
        char last = token.charAt(token.length() - 1);
        assertThat(links.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        assertThat(links.verify("garbage")).isEmpty();
        assertThat(links.verify("a.b.c")).isEmpty();
        assertThat(links.verify(null)).isEmpty();
        byte[] otherKey = Arrays.copyOf(key, 32);
        otherKey[0] = 1;
        assertThat(new InsightLinks(otherKey, clock).verify(token)).isEmpty();
        // a learner token signed with the very same key is not an instructor link: the purpose differs
        String learner = new LearnerTokens(key, clock).issue("insights", "a-set", Duration.ofHours(1));
        assertThat(links.verify(learner)).isEmpty();
        assertThat(new LearnerTokens(key, clock).verify(token)).isEmpty();
    }
}
