package io.gradcheck.lti;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An LMS on loopback for tests: its own RSA key (served as a JWKS), an OIDC auth endpoint that answers with an
 * auto-post form carrying a signed id_token, an OAuth token endpoint that verifies the tool's client assertion
 * against the tool's /lti/jwks, and AGS line-item and score endpoints that record what they receive. It can be
 * switched "down" (every endpoint but the JWKS answers 503).
 */
final class TestPlatform implements AutoCloseable {

    static final String ISSUER = "https://lms.test.example";
    static final String DEPLOYMENT = "deployment-1";

    final RSAKey key;
    private final HttpServer server;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    /** The tool's JWKS, against which client assertions are verified (changes when the tool restarts). */
    volatile String toolJwks;
    private final String clientId;

    volatile boolean down;
    /** Claims for the next id_token the auth endpoint makes (set by the test before following the login). */
    volatile Map<String, Object> nextLaunch = Map.of();
    final List<Map<String, String>> authRequests = Collections.synchronizedList(new ArrayList<>());
    final List<Jwt> clientAssertions = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> scores = Collections.synchronizedList(new ArrayList<>());
    final List<String> scoreUrls = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> lineItems = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger refusedWhileDown = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    TestPlatform(Clock clock, String toolJwks, String clientId) throws Exception {
        this.clock = clock;
        this.toolJwks = toolJwks;
        this.clientId = clientId;
        this.key = new RSAKeyGenerator(2048).keyID("platform-key-1").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", ex -> send(ex, 200, "application/json",
                new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/auth", this::auth);
        // a course page that embeds the tool in an iframe, as an LMS does: /course?tool=<login URL>
        server.createContext("/course", ex -> send(ex, 200, "text/html", "<!doctype html><title>Course</title>"
                + "<h1>Course</h1><iframe id=\"tool\" name=\"tool\" width=\"900\" height=\"600\" src=\""
                + query(ex.getRequestURI().getRawQuery()).get("tool").replace("&", "&amp;") + "\"></iframe>"));
        server.createContext("/token", this::token);
        server.createContext("/lineitems", this::lineItems);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A registration body for POST /api/v1/lti/platforms. */
    String registration() {
        return "{\"issuer\": \"" + ISSUER + "\", \"clientId\": \"" + clientId + "\", \"deploymentIds\": [\""
                + DEPLOYMENT + "\"], \"authLoginUrl\": \"" + url("/auth") + "\", \"authTokenUrl\": \""
                + url("/token") + "\", \"jwksUrl\": \"" + url("/jwks") + "\"}";
    }

    /** The claims of a resource link launch of a learner; tests change them to make bad tokens. */
    Map<String, Object> learnerLaunch(String sub, String set, String problem, String resourceLinkId) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", ISSUER);
        c.put("aud", clientId);
        c.put("sub", sub);
        c.put(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST);
        c.put(LtiClaims.VERSION, "1.3.0");
        c.put(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT);
        c.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
        c.put(LtiClaims.RESOURCE_LINK, Map.of("id", resourceLinkId, "title", "Homework"));
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("set", set);
        if (problem != null) {
            custom.put("problem", problem);
        }
        c.put(LtiClaims.CUSTOM, custom);
        c.put(LtiClaims.AGS_ENDPOINT, Map.of("scope", List.of(LtiClaims.SCOPE_SCORE, LtiClaims.SCOPE_LINEITEM),
                "lineitems", url("/lineitems?context=course-1")));
        return c;
    }

    /** Signs claims with this platform's key (or another), adding iat, exp (5 min) and the nonce given. */
    String sign(Map<String, Object> claims, String nonce, RSAKey with) throws Exception {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
        Instant now = clock.instant();
        b.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        if (nonce != null) {
            b.claim("nonce", nonce);
        }
        claims.forEach((k, v) -> {
            switch (k) {
                case "iat" -> b.issueTime(Date.from((Instant) v));
                case "exp" -> b.expirationTime(Date.from((Instant) v));
                default -> b.claim(k, v);
            }
        });
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                .type(JOSEObjectType.JWT).build(), b.build());
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    private void auth(HttpExchange ex) throws IOException {
        if (down) {
            send(ex, 503, "text/plain", "down");
            return;
        }
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        authRequests.add(q);
        try {
            String idToken = sign(nextLaunch, q.get("nonce"), key);
            send(ex, 200, "text/html", "<form method=\"post\" action=\"" + q.get("redirect_uri") + "\">"
                    + "<input type=\"hidden\" name=\"id_token\" value=\"" + idToken + "\">"
                    + "<input type=\"hidden\" name=\"state\" value=\"" + q.get("state") + "\"></form>"
                    + "<script>document.forms[0].submit();</script>");
        } catch (Exception e) {
            send(ex, 500, "text/plain", e.toString());
        }
    }

    private void token(HttpExchange ex) throws IOException {
        if (down) {
            refusedWhileDown.incrementAndGet();
            send(ex, 503, "text/plain", "down for maintenance");
            return;
        }
        Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(toolJwks).build();
            decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
            Jwt assertion = decoder.decode(form.get("client_assertion"));
            if (!"client_credentials".equals(form.get("grant_type"))
                    || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
                    || !clientId.equals(assertion.getSubject()) || !clientId.equals(assertion.getClaimAsString("iss"))
                    || !assertion.getAudience().contains(url("/token"))) {
                send(ex, 400, "application/json", "{\"error\": \"invalid_client\"}");
                return;
            }
            clientAssertions.add(assertion);
            send(ex, 200, "application/json", "{\"access_token\": \"at-" + tokensIssued.incrementAndGet()
                    + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600, \"scope\": \"" + form.get("scope") + "\"}");
        } catch (Exception e) {
            send(ex, 401, "application/json", "{\"error\": \"invalid_client\", \"error_description\": \""
                    + e.getMessage().replace('"', '\'') + "\"}");
        }
    }

    private void lineItems(HttpExchange ex) throws IOException {
        if (down) {
            refusedWhileDown.incrementAndGet();
            send(ex, 503, "text/plain", "down for maintenance");
            return;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer at-")) {
            send(ex, 401, "text/plain", "no token");
            return;
        }
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.endsWith("/scores") && method.equals("POST")) {
            if (!ex.getRequestHeaders().getFirst("Content-Type").startsWith(AgsClient.SCORE_TYPE)) {
                send(ex, 415, "text/plain", "score media type expected");
                return;
            }
            scores.add(json.readTree(ex.getRequestBody().readAllBytes()));
            scoreUrls.add(ex.getRequestURI().toString());
            send(ex, 200, "application/json", "{}");
        } else if (path.equals("/lineitems") && method.equals("GET")) {
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            List<JsonNode> found = lineItems.stream()
                    .filter(i -> i.path("resourceId").asString("").equals(q.getOrDefault("resource_id", "")))
                    .filter(i -> i.path("resourceLinkId").asString("").equals(q.getOrDefault("resource_link_id", "")))
                    .toList();
            send(ex, 200, AgsClient.LINE_ITEMS_TYPE, json.writeValueAsString(found));
        } else if (path.equals("/lineitems") && method.equals("POST")) {
            tools.jackson.databind.node.ObjectNode item = (tools.jackson.databind.node.ObjectNode) json.readTree(
                    ex.getRequestBody().readAllBytes());
            item.put("id", url("/lineitems/" + UUID.randomUUID() + "?context=course-1"));
            lineItems.add(item);
            send(ex, 201, AgsClient.LINE_ITEM_TYPE, json.writeValueAsString(item));
        } else {
            send(ex, 404, "text/plain", "no such endpoint");
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
