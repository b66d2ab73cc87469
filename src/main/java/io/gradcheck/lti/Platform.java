package io.gradcheck.lti;

import java.util.List;

/**
 * A registered LMS: who it is ({@code issuer}, and the {@code clientId} it gave this tool), which deployments of
 * the tool it may launch, and where its login, token and key endpoints are.
 *
 * @param origin {@code api} or {@code config}: a platform from configuration is kept in step with it at start-up
 */
public record Platform(long id, String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
        String authTokenUrl, String jwksUrl, String origin) {
}
