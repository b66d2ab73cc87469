package io.gradcheck.lti;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * LTI 1.3 settings ({@code gradcheck.lti.*}).
 *
 * @param baseUrl     the tool's public URL as the LMS reaches it (e.g. https://gradcheck.example.edu); empty: taken
 *                    from each request, which is right unless a proxy rewrites the host
 * @param scorePolicy which score goes to the LMS when a learner submits again: {@code best} (default) or {@code latest}
 * @param learnerLink how long the learner link made by a launch stays valid
 * @param platforms   platforms registered in configuration (imported at start-up, kept in step with it)
 * @param passback    the outbox worker
 */
@ConfigurationProperties("gradcheck.lti")
public record LtiProperties(String baseUrl, String scorePolicy, Duration learnerLink, List<PlatformSettings> platforms,
        Passback passback) {

    public LtiProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "" : baseUrl.strip().replaceAll("/+$", "");
        scorePolicy = scorePolicy == null || scorePolicy.isBlank() ? "best" : scorePolicy.strip();
        if (!scorePolicy.equals("best") && !scorePolicy.equals("latest")) {
            throw new IllegalArgumentException("gradcheck.lti.score-policy must be best or latest, not " + scorePolicy);
        }
        learnerLink = learnerLink == null ? Duration.ofHours(8) : learnerLink;
        platforms = platforms == null ? List.of() : platforms;
        passback = passback == null ? new Passback(null, null, null, 0) : passback;
    }

    public boolean best() {
        return scorePolicy.equals("best");
    }

    /** A platform as written in configuration; the same fields as the API's. */
    public record PlatformSettings(String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
            String authTokenUrl, String jwksUrl) {
    }

    /**
     * @param interval  how often each replica looks for due passbacks
     * @param firstRetry the wait after the first failure; it doubles with each failure
     * @param maxWait   the longest wait between two tries
     * @param maxTries  after this many failures a passback is marked failed (listed for instructors)
     */
    public record Passback(Duration interval, Duration firstRetry, Duration maxWait, int maxTries) {
        public Passback {
            interval = interval == null ? Duration.ofSeconds(10) : interval;
            firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
            maxWait = maxWait == null ? Duration.ofHours(1) : maxWait;
            maxTries = maxTries <= 0 ? 20 : maxTries;
            if (firstRetry.compareTo(Duration.ofSeconds(1)) < 0 || maxWait.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("gradcheck.lti.passback.first-retry must be at least 1s and "
                        + "max-wait at least first-retry");
            }
        }
    }
}
