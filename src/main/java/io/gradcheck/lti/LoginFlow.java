package io.gradcheck.lti;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OIDC third-party initiated login (LTI 1.3 core §5.1.1): find the platform by {@code iss} (and
 * {@code client_id} when it registered the tool more than once), keep a state bound to a fresh nonce, and send the
 * browser to the platform's authorization endpoint for an id_token posted back to the launch URL.
 */
@Service
public class LoginFlow {

    private final Platforms platforms;
    private final LoginStates states;

    LoginFlow(Platforms platforms, LoginStates states) {
        this.platforms = platforms;
        this.states = states;
    }

    public URI start(Map<String, String> params, String launchUrl) {
        String issuer = params.get("iss");
        String loginHint = params.get("login_hint");
        if (issuer == null || issuer.isBlank() || loginHint == null || loginHint.isBlank()) {
            throw LtiRefusal.badRequest("a login needs the parameters iss and login_hint from the LMS; open the "
                    + "activity from the course rather than this address");
        }
        String clientId = params.get("client_id");
        List<Platform> candidates = platforms.byIssuer(issuer).stream()
                .filter(p -> clientId == null || clientId.isBlank() || p.clientId().equals(clientId)).toList();
        if (candidates.isEmpty()) {
            throw LtiRefusal.badRequest("no platform with issuer " + issuer
                    + (clientId == null ? "" : " and client id " + clientId) + " is registered with gradcheck; an "
                    + "administrator registers it with POST /api/v1/lti/platforms");
        }
        if (candidates.size() > 1) {
            throw LtiRefusal.badRequest("several registrations of issuer " + issuer + " exist and the LMS did not "
                    + "send client_id to tell them apart");
        }
        Platform platform = candidates.get(0);
        String deployment = params.get("lti_deployment_id");
        if (deployment != null && !deployment.isBlank() && !platform.deploymentIds().contains(deployment)) {
            throw LtiRefusal.badRequest("deployment " + deployment + " is not registered for this platform (known: "
                    + platform.deploymentIds() + ")");
        }
        LoginStates.Started started = states.start(platform.id());
        UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(platform.authLoginUrl())
                .queryParam("scope", "openid")
                .queryParam("response_type", "id_token")
                .queryParam("response_mode", "form_post")
                .queryParam("prompt", "none")
                .queryParam("client_id", platform.clientId())
                .queryParam("redirect_uri", launchUrl)
                .queryParam("login_hint", loginHint)
                .queryParam("state", started.state())
                .queryParam("nonce", started.nonce());
        String messageHint = params.get("lti_message_hint");
        if (messageHint != null) {
            redirect.queryParam("lti_message_hint", messageHint);
        }
        return redirect.encode().build().toUri();
    }
}
