package io.gradcheck.lti;

import io.gradcheck.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One running service (real HTTP, H2) with a hand-moved clock and the passback worker off the schedule, and one
 * in-test platform registered over the API. Shared by the LTI test classes so the context starts once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gradcheck.security.instructor-keys=teacher", "gradcheck.lti.passback.scheduled=false",
        "gradcheck.lti.passback.first-retry=30s", "gradcheck.lti.passback.max-wait=10m",
        "gradcheck.lti.passback.max-tries=30"})
@Import(TestClockConfiguration.class)
abstract class LtiTestSupport {

    static final String CLIENT_ID = "gradcheck-client";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    private static final Pattern HIDDEN = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"");

    static TestPlatform platform;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void platformRegistered() throws Exception {
        if (platform == null) {
            platform = new TestPlatform(CLOCK, tool("/lti/jwks"), CLIENT_ID);
            Long id = jdbc.query("select id from lti_platform where client_id = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, CLIENT_ID);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(tool("/api/v1/lti/platforms"
                    + (id == null ? "" : "/" + id)))).header("X-API-Key", "teacher")
                    .header("Content-Type", "application/json");
            var body = HttpRequest.BodyPublishers.ofString(platform.registration());
            HttpResponse<String> r = send(id == null ? b.POST(body) : b.PUT(body));
            if (r.statusCode() != 201 && r.statusCode() != 200) {
                throw new IllegalStateException("registration failed: " + r.body());
            }
        }
        platform.down = false;
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }

    String tool(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The hidden fields of the first form on a page. */
    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(2)));
        }
        return fields;
    }

    /** The login as an LMS starts it; returns the tool's redirect to the platform's auth endpoint. */
    HttpResponse<String> login() throws Exception {
        return get(tool("/lti/login?iss=" + enc(TestPlatform.ISSUER) + "&login_hint=user-1&client_id=" + CLIENT_ID
                + "&target_link_uri=" + enc(tool("/lti/launch")) + "&lti_message_hint=hint-7"));
    }

    /** The whole browser flow: login, the platform's auth answer (a form with id_token and state), the launch. */
    HttpResponse<String> launch(Map<String, Object> claims) throws Exception {
        platform.nextLaunch = claims;
        HttpResponse<String> login = login();
        HttpResponse<String> auth = get(login.headers().firstValue("Location").orElseThrow());
        return postForm(tool("/lti/launch"), hiddenFields(auth.body()));
    }

    int rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
