package io.gradcheck.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deep linking, the tool's keys and configuration, and the platform registration API. */
class LtiToolTests extends LtiTestSupport {

    private final JsonMapper json = JsonMapper.builder().build();

    private Map<String, Object> deepLinkingRequest() {
        Map<String, Object> c = platform.learnerLaunch("teacher-9", "unused", null, "unused");
        c.remove(LtiClaims.RESOURCE_LINK);
        c.remove(LtiClaims.CUSTOM);
        c.remove(LtiClaims.AGS_ENDPOINT);
        c.put(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_REQUEST);
        c.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
        c.put(LtiClaims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", platform.url("/deep-link-return"),
                "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets", List.of("iframe"),
                "accept_multiple", true, "data", "opaque-platform-data-1"));
        return c;
    }

    @Test
    void deepLinkingRoundTripSignsContentItemsTheToolsJwksVerifies() throws Exception {
        HttpResponse<String> picker = launch(deepLinkingRequest());
        assertThat(picker.statusCode()).as(picker.body()).isEqualTo(200);
        assertThat(picker.body()).contains("value=\"ds4420-lecture-2/quadratic\"").contains("<label");
        String context = hiddenFields(picker.body()).get("context");

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(tool("/lti/deep-linking")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("context=" + enc(context)
                        + "&item=" + enc("ds4420-lecture-2/quadratic") + "&item=" + enc("mml-indaba-2018"))));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("action=\"" + platform.url("/deep-link-return") + "\"");
        String responseJwt = hiddenFields(answer.body()).get("JWT");

        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(tool("/lti/jwks")).build();
        JwtTimestampValidator inTime = new JwtTimestampValidator();
        inTime.setClock(CLOCK);
        decoder.setJwtValidator(inTime);
        Jwt jwt = decoder.decode(responseJwt);
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(CLIENT_ID);
        assertThat(jwt.getAudience()).containsExactly(TestPlatform.ISSUER);
        assertThat(jwt.getClaimAsString("nonce")).isNotBlank();
        assertThat(jwt.getClaimAsString(LtiClaims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingResponse");
        assertThat(jwt.getClaimAsString(LtiClaims.VERSION)).isEqualTo("1.3.0");
        assertThat(jwt.getClaimAsString(LtiClaims.DEPLOYMENT_ID)).isEqualTo(TestPlatform.DEPLOYMENT);
        assertThat(jwt.getClaimAsString(LtiClaims.DATA)).isEqualTo("opaque-platform-data-1");
        JsonNode items = json.readTree(SignedJWT.parse(responseJwt).getJWTClaimsSet().toString())
                .path(LtiClaims.CONTENT_ITEMS);
        assertThat(items).hasSize(2);
        JsonNode problem = items.get(0);
        assertThat(problem.path("type").asString()).isEqualTo("ltiResourceLink");
        assertThat(problem.path("url").asString()).isEqualTo(tool("/lti/launch"));
        assertThat(problem.path("custom").path("set").asString()).isEqualTo("ds4420-lecture-2");
        assertThat(problem.path("custom").path("problem").asString()).isEqualTo("quadratic");
        assertThat(problem.path("lineItem").path("scoreMaximum").asDouble()).isEqualTo(1.0);
        assertThat(problem.path("lineItem").path("resourceId").asString()).isEqualTo("ds4420-lecture-2/quadratic");
        JsonNode set = items.get(1);
        assertThat(set.path("custom").path("set").asString()).isEqualTo("mml-indaba-2018");
        assertThat(set.path("custom").has("problem")).isFalse();

        // the content item launches: its custom parameters open that problem
        Map<String, Object> launch = platform.learnerLaunch("dl-learner", "ds4420-lecture-2", "quadratic", "dl-link");
        launch.put(LtiClaims.CUSTOM, json.convertValue(problem.path("custom"), Map.class));
        HttpResponse<String> learner = launch(launch);
        assertThat(learner.headers().firstValue("Location").orElseThrow())
                .startsWith("/learn/ds4420-lecture-2/quadratic?token=");
    }

    @Test
    void aDeepLinkingAnswerWithATamperedContextIsRefused() throws Exception {
        HttpResponse<String> picker = launch(deepLinkingRequest());
        String context = hiddenFields(picker.body()).get("context");
        String[] parts = context.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        HttpResponse<String> answer = postForm(tool("/lti/deep-linking"), Map.of("context", forged,
                "item", "ds4420-lecture-2"));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(postForm(tool("/lti/deep-linking"), Map.of("context", context)).statusCode()).isEqualTo(400);
    }

    @Test
    void jwksPublishesTheSigningKeyAndRotationKeepsThePreviousOne() throws Exception {
        JsonNode before = json.readTree(get(tool("/lti/jwks")).body()).path("keys");
        assertThat(before).isNotEmpty();
        assertThat(before.get(0).has("d")).as("no private part").isFalse();
        String oldKid = before.get(0).path("kid").asString();

        HttpResponse<String> rotated = send(HttpRequest.newBuilder(URI.create(tool("/api/v1/lti/keys")))
                .header("X-API-Key", "teacher").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newKid = json.readTree(rotated.body()).path("kid").asString();

        List<String> kids = json.readTree(get(tool("/lti/jwks")).body()).path("keys").valueStream()
                .map(k -> k.path("kid").asString()).toList();
        assertThat(kids).containsExactly(newKid, oldKid);
        assertThat(send(HttpRequest.newBuilder(URI.create(tool("/api/v1/lti/keys")))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
    }

    @Test
    void configSaysWhatToPasteIntoAnLms() throws Exception {
        JsonNode config = json.readTree(get(tool("/lti/config")).body());
        assertThat(config.path("oidcInitiationUrl").asString()).isEqualTo(tool("/lti/login"));
        assertThat(config.path("targetLinkUri").asString()).isEqualTo(tool("/lti/launch"));
        assertThat(config.path("jwksUrl").asString()).isEqualTo(tool("/lti/jwks"));
        assertThat(config.path("deepLinkingUrl").asString()).isEqualTo(tool("/lti/launch"));
        assertThat(config.path("canvas").path("public_jwk_url").asString()).isEqualTo(tool("/lti/jwks"));
        JsonNode canvas = json.readTree(get(tool("/lti/config/canvas")).body());
        assertThat(canvas.path("oidc_initiation_url").asString()).isEqualTo(tool("/lti/login"));
        assertThat(canvas.path("target_link_uri").asString()).isEqualTo(tool("/lti/launch"));
    }

    @Test
    void platformRegistrationNeedsAnInstructorKeyAndValidFields() throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(tool("/api/v1/lti/platforms")))
                .header("Content-Type", "application/json");
        assertThat(send(post.copy().POST(HttpRequest.BodyPublishers.ofString(platform.registration())))
                .statusCode()).isEqualTo(401);
        assertThat(send(post.copy().header("X-API-Key", "wrong")
                .POST(HttpRequest.BodyPublishers.ofString(platform.registration()))).statusCode()).isEqualTo(403);

        HttpResponse<String> invalid = send(post.copy().header("X-API-Key", "teacher").POST(
                HttpRequest.BodyPublishers.ofString("{\"issuer\": \"https://x.example\", \"clientId\": \"c\", "
                        + "\"deploymentIds\": [], \"authLoginUrl\": \"not a url\", \"authTokenUrl\": "
                        + "\"ftp://x.example/token\", \"jwksUrl\": \"https://x.example/jwks\"}")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(invalid.body()).contains("/problems/invalid-lti-request").contains("deploymentIds")
                .contains("authLoginUrl").contains("authTokenUrl").doesNotContain("jwksUrl must");

        HttpResponse<String> duplicate = send(post.copy().header("X-API-Key", "teacher")
                .POST(HttpRequest.BodyPublishers.ofString(platform.registration())));
        assertThat(duplicate.statusCode()).isEqualTo(409);

        String other = platform.registration().replace(CLIENT_ID, "second-client");
        HttpResponse<String> created = send(post.copy().header("X-API-Key", "teacher")
                .POST(HttpRequest.BodyPublishers.ofString(other)));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> replaced = send(HttpRequest.newBuilder(URI.create(tool(location)))
                .header("X-API-Key", "teacher").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(other.replace("deployment-1", "deployment-2"))));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).contains("deployment-2");
        assertThat(send(HttpRequest.newBuilder(URI.create(tool(location))).header("X-API-Key", "teacher")
                .DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(URI.create(tool(location))).header("X-API-Key", "teacher"))
                .statusCode()).isEqualTo(404);
    }
}
