package io.gradcheck.lti;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assignment and Grade Services calls: an access token by OAuth 2 client credentials with a JWT client assertion
 * signed by the tool's key (RFC 7523, as LTI's security framework requires), then line items and scores. Plain
 * RestClient: the calls are three fixed requests, and Spring Security's client-credentials machinery would need a
 * client registration per platform kept in step with the database for no gain.
 */
@Component
class AgsClient {

    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    static final String LINE_ITEMS_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";

    private final ToolKeys keys;
    private final JsonMapper json;
    private final Clock clock;
    private final RestClient http;
    /** Access tokens by platform, reused until a minute before they expire. */
    private final Map<Long, Token> tokens = new ConcurrentHashMap<>();

    AgsClient(ToolKeys keys, JsonMapper json, ObjectProvider<Clock> clock) {
        this.keys = keys;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    private record Token(String value, Instant expiresAt) {
    }

    /** The client assertion: iss and sub our client id, aud the token endpoint, a fresh jti, five minutes. */
    String clientAssertion(Platform platform) {
        Instant now = clock.instant();
        return keys.sign(JwtClaimsSet.builder().issuer(platform.clientId()).subject(platform.clientId())
                .audience(List.of(platform.authTokenUrl())).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)))
                .id(UUID.randomUUID().toString()).build());
    }

    String token(Platform platform) {
        Token cached = tokens.get(platform.id());
        if (cached != null && clock.instant().isBefore(cached.expiresAt().minusSeconds(60))) {
            return cached.value();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.add("client_assertion", clientAssertion(platform));
        form.add("scope", LtiClaims.SCOPE_SCORE + " " + LtiClaims.SCOPE_LINEITEM);
        String body = http.post().uri(platform.authTokenUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON).body(form).retrieve().body(String.class);
        JsonNode answer = json.readTree(body);
        String value = answer.path("access_token").asString(null);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the token endpoint answered without an access_token");
        }
        long seconds = answer.path("expires_in").asLong(3600);
        tokens.put(platform.id(), new Token(value, clock.instant().plusSeconds(seconds)));
        return value;
    }

    /** Drops a token the platform refused (401), so the next try asks for a new one. */
    void forget(Platform platform) {
        tokens.remove(platform.id());
    }

    /** The line item of this resource link with this resource id, if the platform has one. */
    String findLineItem(String token, String lineItemsUrl, String resourceLinkId, String resourceId) {
        URI uri = UriComponentsBuilder.fromUriString(lineItemsUrl).queryParam("resource_link_id", resourceLinkId)
                .queryParam("resource_id", resourceId).encode().build().toUri();
        String body = http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.parseMediaType(LINE_ITEMS_TYPE)).retrieve().body(String.class);
        JsonNode items = json.readTree(body == null || body.isBlank() ? "[]" : body);
        for (JsonNode item : items) { // filter again: some platforms ignore the query parameters
            if (resourceId.equals(item.path("resourceId").asString(null))
                    && (item.path("resourceLinkId").isMissingNode()
                            || resourceLinkId.equals(item.path("resourceLinkId").asString(null)))) {
                return item.path("id").asString(null);
            }
        }
        return null;
    }

    String createLineItem(String token, String lineItemsUrl, double scoreMaximum, String label, String resourceId,
            String resourceLinkId) {
        String request = json.writeValueAsString(Map.of("scoreMaximum", scoreMaximum, "label", label,
                "resourceId", resourceId, "resourceLinkId", resourceLinkId, "tag", "gradcheck"));
        String body = http.post().uri(lineItemsUrl).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.parseMediaType(LINE_ITEM_TYPE)).accept(MediaType.parseMediaType(LINE_ITEM_TYPE))
                .body(request).retrieve().body(String.class);
        String id = json.readTree(body).path("id").asString(null);
        if (id == null) {
            throw new IllegalStateException("the platform created a line item but did not say its id");
        }
        return id;
    }

    void postScore(String token, String lineItemUrl, Map<String, Object> score) {
        http.post().uri(scoresUrl(lineItemUrl)).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.parseMediaType(SCORE_TYPE)).body(json.writeValueAsString(score)).retrieve()
                .toBodilessEntity();
    }

    /** {lineitem}/scores, keeping the line item URL's query (AGS 2.0 §3.4). */
    static String scoresUrl(String lineItemUrl) {
        int q = lineItemUrl.indexOf('?');
        return q < 0 ? lineItemUrl + "/scores" : lineItemUrl.substring(0, q) + "/scores" + lineItemUrl.substring(q);
    }

    static boolean unauthorized(Exception e) {
        return e instanceof RestClientResponseException r && r.getStatusCode().value() == 401;
    }
}
