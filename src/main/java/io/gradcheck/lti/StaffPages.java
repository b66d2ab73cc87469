package io.gradcheck.lti;

import io.gradcheck.insights.InsightLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Instructors who launch a link see the set's grade book. Their browser (an LMS iframe) has no API key, so the
 * launch hands it a short-lived view token: a JWT signed with the tool's own key, good for one set's grade book
 * and nothing else (a learner token cannot open it, and it cannot open the learner API).
 */
@Component
public class StaffPages {

    static final String AUDIENCE = "gradcheck-grade-book";
    private static final Duration LIFETIME = Duration.ofHours(2);

    private final ToolKeys keys;
    private final InsightLinks insightLinks;
    private final Clock clock;

    StaffPages(ToolKeys keys, InsightLinks insightLinks, ObjectProvider<Clock> clock) {
        this.keys = keys;
        this.insightLinks = insightLinks;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    String gradeBookLink(String staffId, String set) {
        Instant now = clock.instant();
        String token = keys.sign(JwtClaimsSet.builder().issuer("gradcheck").subject(staffId).audience(List.of(AUDIENCE))
                .issuedAt(now).expiresAt(now.plus(LIFETIME)).claim("set", set).build());
        return "/lti/grade-book/" + UriUtils.encodePathSegment(set, "UTF-8") + "?token=" + token;
    }

    /**
     * The set's insights page (issue 17), by the signed link insights/ makes, valid as long as a grade-book link.
     * Call it only after {@link #requireGradeBookAccess}: whoever may read the grade book may read the insights.
     */
    public String insightsLink(String set) {
        return InsightLinks.pagePath(UriUtils.encodePathSegment(set, "UTF-8")) + "?token="
                + insightLinks.issue(set, LIFETIME).token();
    }

    /** Refuses unless the token is this tool's, unexpired, and for this set. */
    public void requireGradeBookAccess(String token, String set) {
        Jwt jwt = verifyOwn(keys, clock, token, AUDIENCE);
        if (!set.equals(jwt.getClaimAsString("set"))) {
            throw new LtiRefusal(403, "Not this grade book", "this link opens the grade book of "
                    + jwt.getClaimAsString("set") + ", not of " + set);
        }
    }

    /** Verifies a JWT this tool signed for itself: signature by a published tool key, audience and expiry. */
    static Jwt verifyOwn(ToolKeys keys, Clock clock, String token, String audience) {
        if (token == null || token.isBlank()) {
            throw new LtiRefusal(401, "A link from the LMS is needed", "open this page from the course in your LMS");
        }
        NimbusJwtDecoder decoder = keys.ownDecoder();
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        try {
            Jwt jwt = decoder.decode(token);
            if (jwt.getAudience() == null || !jwt.getAudience().contains(audience)) {
                throw new LtiRefusal(403, "Not this page", "this link was made for another page");
            }
            if (jwt.getExpiresAt() == null || !clock.instant().isBefore(jwt.getExpiresAt())) {
                throw new LtiRefusal(401, "This link has expired", "the link has expired: open the activity again "
                        + "from the course in your LMS");
            }
            return jwt;
        } catch (JwtException e) {
            throw new LtiRefusal(401, "This link could not be verified", "the link is not one gradcheck made (or "
                    + "was changed): open the activity again from the course in your LMS");
        }
    }
}
