package io.gradcheck.lti.web;

import io.gradcheck.lti.LtiClaims;
import io.gradcheck.lti.ToolKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What an LMS reads from the tool: its public keys and the values to paste when registering it. */
@RestController
@Tag(name = "LTI", description = "LTI 1.3 tool: keys, configuration, platform registrations and grade passback")
class ToolController {

    private final ToolKeys keys;
    private final ToolUrls urls;

    ToolController(ToolKeys keys, ToolUrls urls) {
        this.keys = keys;
        this.urls = urls;
    }

    @GetMapping(path = "/lti/jwks", produces = "application/json")
    @Operation(operationId = "ltiJwks", summary = "The tool's public keys (JWK set)", description = "The LMS verifies the tool's signatures "
            + "(deep-linking responses, token requests) with these keys. The current key and the one before it.")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().header("Cache-Control", "public, max-age=300").body(keys.jwks().toJSONObject());
    }

    /** The values an LMS administrator pastes, by the names Canvas and Moodle use. */
    record ToolConfiguration(String title, String description, String oidcInitiationUrl, String targetLinkUri,
            List<String> redirectUris, String jwksUrl, String deepLinkingUrl, List<String> scopes,
            Map<String, String> customParameters, Map<String, Object> canvas) {
    }

    @GetMapping(path = "/lti/config", produces = "application/json")
    @Operation(operationId = "ltiConfig", summary = "What to paste into an LMS to add gradcheck",
            description = "Login (OIDC initiation) URL, launch (target link / redirect) URL, JWKS URL, deep-linking "
                    + "URL and the AGS scopes; `canvas` is the same as a Canvas developer-key JSON configuration.")
    ToolConfiguration config() {
        return configuration();
    }

    @GetMapping(path = "/lti/config/canvas", produces = "application/json")
    @Operation(operationId = "ltiCanvasConfig", summary = "The same, as a Canvas developer-key JSON configuration (for Canvas's \"Enter URL\")")
    Map<String, Object> canvas() {
        return configuration().canvas();
    }

    private ToolConfiguration configuration() {
        String base = urls.base();
        String login = base + "/lti/login";
        String launch = base + "/lti/launch";
        String jwks = base + "/lti/jwks";
        List<String> scopes = List.of(LtiClaims.SCOPE_LINEITEM, LtiClaims.SCOPE_LINEITEM_READONLY,
                LtiClaims.SCOPE_SCORE);
        Map<String, Object> canvas = Map.of(
                "title", "gradcheck",
                "description", "Checks and grades derivatives",
                "oidc_initiation_url", login,
                "target_link_uri", launch,
                "public_jwk_url", jwks,
                "scopes", scopes,
                "extensions", List.of(Map.of("platform", "canvas.instructure.com", "privacy_level", "anonymous",
                        "settings", Map.of("placements", List.of(
                                Map.of("placement", "assignment_selection", "message_type",
                                        LtiClaims.DEEP_LINKING_REQUEST, "target_link_uri", launch),
                                Map.of("placement", "link_selection", "message_type",
                                        LtiClaims.DEEP_LINKING_REQUEST, "target_link_uri", launch))))));
        return new ToolConfiguration("gradcheck", "Checks and grades derivatives", login, launch, List.of(launch),
                jwks, launch, scopes, Map.of("set", "the problem set's slug", "problem",
                        "a problem's key (optional: without it the whole set opens)"), canvas);
    }
}
