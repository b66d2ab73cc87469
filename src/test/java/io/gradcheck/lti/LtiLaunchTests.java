package io.gradcheck.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.gradcheck.learn.LearnerToken;
import io.gradcheck.learn.LearnerTokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Login and launch against the in-test platform over real HTTP: what lands where, and every refusal. */
class LtiLaunchTests extends LtiTestSupport {

    @Autowired
    LearnerTokens learnerTokens;

    @Test
    void loginRedirectsToThePlatformWithAStateBoundToANonce() throws Exception {
        int states = rows("lti_login_state");
        HttpResponse<String> login = login();

        assertThat(login.statusCode()).isEqualTo(302);
        URI location = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(platform.url("/auth?"));
        Map<String, String> q = TestPlatform.query(location.getRawQuery());
        assertThat(q).containsEntry("scope", "openid").containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post").containsEntry("prompt", "none")
                .containsEntry("client_id", CLIENT_ID).containsEntry("login_hint", "user-1")
                .containsEntry("lti_message_hint", "hint-7").containsEntry("redirect_uri", tool("/lti/launch"));
        assertThat(q.get("state")).hasSizeGreaterThan(20);
        assertThat(q.get("nonce")).hasSizeGreaterThan(20).isNotEqualTo(q.get("state"));
        assertThat(rows("lti_login_state")).isEqualTo(states + 1);
        assertThat(jdbc.queryForObject("select nonce from lti_login_state where state = ?", String.class,
                q.get("state"))).isEqualTo(q.get("nonce"));
        assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void loginByPostWorksToo() throws Exception {
        HttpResponse<String> login = postForm(tool("/lti/login"), Map.of("iss", TestPlatform.ISSUER,
                "login_hint", "u", "target_link_uri", tool("/lti/launch")));
        assertThat(login.statusCode()).isEqualTo(302);
    }

    @Test
    void loginFromAnUnknownIssuerIsAClearPage() throws Exception {
        HttpResponse<String> login = get(tool("/lti/login?iss=" + enc("https://other.example") + "&login_hint=x"));
        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(login.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(login.body()).contains("no platform with issuer https://other.example is registered");
    }

    @Test
    void aLearnerLaunchOpensTheLinkedProblemWithALearnerToken() throws Exception {
        HttpResponse<String> launch = launch(platform.learnerLaunch("learner-42", "ds4420-lecture-2", "quadratic",
                "link-1"));

        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
        URI location = URI.create(launch.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/learn/ds4420-lecture-2/quadratic");
        String token = TestPlatform.query(location.getRawQuery()).get("token");
        LearnerToken verified = learnerTokens.verify(token).orElseThrow();
        assertThat(verified.learnerId()).isEqualTo(TestPlatform.ISSUER + "|learner-42");
        assertThat(verified.setSlug()).isEqualTo("ds4420-lecture-2");
        assertThat(jdbc.queryForObject("select count(*) from lti_link where learner_id = ? and problem_key = ? "
                + "and resource_link_id = 'link-1' and lineitems_url is not null", Integer.class,
                TestPlatform.ISSUER + "|learner-42", "quadratic")).isEqualTo(1);
    }

    @Test
    void aTargetLinkUriOfALearnerPathOpensThatSet() throws Exception {
        Map<String, Object> claims = platform.learnerLaunch("learner-43", "x", null, "link-2");
        claims.remove(LtiClaims.CUSTOM);
        claims.put(LtiClaims.TARGET_LINK_URI, tool("/learn/ds4420-lecture-2"));
        HttpResponse<String> launch = launch(claims);

        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
        assertThat(launch.headers().firstValue("Location").orElseThrow()).startsWith("/learn/ds4420-lecture-2?token=");
    }

    @Test
    void anInstructorLaunchOpensTheSetsGradeBook() throws Exception {
        Map<String, Object> claims = platform.learnerLaunch("teacher-1", "ds4420-lecture-2", "quadratic", "link-3");
        claims.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"));
        int links = rows("lti_link");
        HttpResponse<String> launch = launch(claims);

        assertThat(launch.statusCode()).isEqualTo(303);
        String location = launch.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/lti/grade-book/ds4420-lecture-2?token=");
        assertThat(rows("lti_link")).isEqualTo(links);
        HttpResponse<String> page = get(tool(location));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Grade book: ds4420-lecture-2");

        // issue 17: the staff page links to the set's insights page, which opens with that link alone
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                "<a href=\"(/instructor/problem-sets/ds4420-lecture-2/insights\\?token=[^\"]+)\"[^>]*>What the class "
                        + "gets wrong</a>").matcher(page.body());
        assertThat(link.find()).as(page.body()).isTrue();
        String insightsUrl = org.springframework.web.util.HtmlUtils.htmlUnescape(link.group(1));
        HttpResponse<String> insights = get(tool(insightsUrl));
        assertThat(insights.statusCode()).as(insights.body()).isEqualTo(200);
        assertThat(insights.body()).contains("What the class gets wrong: ").contains("2. Quadratic function");
        assertThat(get(tool(insightsUrl.replace("ds4420-lecture-2/insights", "mml-indaba-2018/insights")))
                .statusCode()).as("the link opens this set's insights only").isEqualTo(403);

        String token = TestPlatform.query(URI.create(location).getRawQuery()).get("token");
        assertThat(get(tool("/lti/grade-book/ds4420-lecture-2?token=" + token + "x")).statusCode()).isEqualTo(401);
        assertThat(get(tool("/lti/grade-book/mml-indaba-2018?token=" + token)).statusCode()).isEqualTo(403);
        String learnerToken = learnerTokens.issue("someone", "ds4420-lecture-2", java.time.Duration.ofHours(1));
        assertThat(get(tool("/lti/grade-book/ds4420-lecture-2?token=" + learnerToken)).statusCode()).isEqualTo(401);
    }

    @Test
    void aLinkToAnUnknownProblemIsRefusedWithWhatToDo() throws Exception {
        int links = rows("lti_link");
        int nonces = rows("lti_used_nonce");
        HttpResponse<String> launch = launch(platform.learnerLaunch("l", "ds4420-lecture-2", "no-such", "link-4"));
        assertThat(launch.statusCode()).isEqualTo(404);
        assertThat(launch.body()).contains("Deep Linking");
        assertThat(rows("lti_link")).isEqualTo(links);
        assertThat(rows("lti_used_nonce")).as("the refused launch's transaction rolled back").isEqualTo(nonces);
    }

    static Stream<Arguments> badTokens() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("platform-key-1").generate();
        RSAKey unknownKid = new RSAKeyGenerator(2048).keyID("who-is-this").generate();
        return Stream.of(
                bad("bad signature", c -> { }, stranger, "signature"),
                bad("unknown kid", c -> { }, unknownKid, "signature"),
                bad("wrong iss", c -> c.put("iss", "https://evil.example"), null, "iss"),
                bad("wrong aud", c -> c.put("aud", "someone-else"), null, "audience"),
                bad("several aud, no azp", c -> c.put("aud", List.of("someone-else", CLIENT_ID)), null, "azp"),
                bad("expired", c -> {
                    c.put("iat", CLOCK.instant().minusSeconds(3600));
                    c.put("exp", CLOCK.instant().minusSeconds(600));
                }, null, "expired"),
                bad("issued in the future", c -> {
                    c.put("iat", CLOCK.instant().plusSeconds(3600));
                    c.put("exp", CLOCK.instant().plusSeconds(4000));
                }, null, "iat"),
                bad("unknown deployment", c -> c.put(LtiClaims.DEPLOYMENT_ID, "deployment-9"), null, "deployment"),
                bad("wrong version", c -> c.put(LtiClaims.VERSION, "1.1"), null, "version"),
                bad("unknown message type", c -> c.put(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest"), null,
                        "message type"));
    }

    private static Arguments bad(String name, Consumer<Map<String, Object>> change, RSAKey key, String says) {
        return Arguments.of(name, change, key, says);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadIdTokenIsRefusedAndNothingIsStored(String name, Consumer<Map<String, Object>> change, RSAKey key,
            String says) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>(platform.learnerLaunch("mallory", "ds4420-lecture-2",
                "quadratic", "link-bad"));
        change.accept(claims);
        Map<String, String> login = TestPlatform.query(URI.create(login().headers().firstValue("Location")
                .orElseThrow()).getRawQuery());
        String idToken = platform.sign(claims, login.get("nonce"), key == null ? platform.key : key);
        int links = rows("lti_link");
        int nonces = rows("lti_used_nonce");

        HttpResponse<String> launch = postForm(tool("/lti/launch"), Map.of("id_token", idToken,
                "state", login.get("state")));

        assertThat(launch.statusCode()).as(launch.body()).isBetween(400, 499);
        assertThat(launch.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(launch.body()).contains(says);
        assertThat(rows("lti_link")).isEqualTo(links);
        assertThat(rows("lti_used_nonce")).isEqualTo(nonces);
        assertThat(launch.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aReplayedIdTokenIsRefused() throws Exception {
        platform.nextLaunch = platform.learnerLaunch("learner-50", "ds4420-lecture-2", "quadratic", "link-5");
        HttpResponse<String> auth = get(login().headers().firstValue("Location").orElseThrow());
        Map<String, String> form = hiddenFields(auth.body());
        assertThat(postForm(tool("/lti/launch"), form).statusCode()).isEqualTo(303);
        int links = rows("lti_link");
        int nonces = rows("lti_used_nonce");

        HttpResponse<String> sameState = postForm(tool("/lti/launch"), form);
        assertThat(sameState.statusCode()).isEqualTo(400);
        assertThat(sameState.body()).contains("state is missing, unknown, expired or already used");

        // the same token with a fresh state: its nonce is not the new login's
        String freshState = TestPlatform.query(URI.create(login().headers().firstValue("Location").orElseThrow())
                .getRawQuery()).get("state");
        HttpResponse<String> newState = postForm(tool("/lti/launch"), Map.of("id_token", form.get("id_token"),
                "state", freshState));
        assertThat(newState.statusCode()).isEqualTo(401);
        assertThat(newState.body()).contains("nonce");

        // a state whose nonce was already used by an accepted launch (as if the platform reused a nonce)
        String nonce = (String) com.nimbusds.jwt.SignedJWT.parse(form.get("id_token")).getJWTClaimsSet()
                .getClaim("nonce");
        long platformId = jdbc.queryForObject("select id from lti_platform where client_id = ?", Long.class, CLIENT_ID);
        jdbc.update("insert into lti_login_state (state, nonce, platform_id, expires_at) values (?, ?, ?, ?)",
                "forged-state", nonce, platformId, Times.sql(CLOCK.instant().plusSeconds(60)));
        HttpResponse<String> reused = postForm(tool("/lti/launch"), Map.of("id_token", form.get("id_token"),
                "state", "forged-state"));
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(reused.body()).contains("nonce was used by an earlier launch");

        assertThat(rows("lti_link")).isEqualTo(links);
        assertThat(rows("lti_used_nonce")).isEqualTo(nonces);
    }

    @Test
    void aLaunchWithoutOrWithAnUnknownOrExpiredStateIsRefused() throws Exception {
        String idToken = platform.sign(platform.learnerLaunch("l", "ds4420-lecture-2", null, "link-6"), "n", platform.key);
        int links = rows("lti_link");
        int nonces = rows("lti_used_nonce");

        assertThat(postForm(tool("/lti/launch"), Map.of("id_token", idToken)).statusCode()).isEqualTo(400);
        assertThat(postForm(tool("/lti/launch"), Map.of("id_token", idToken, "state", "made-up")).statusCode())
                .isEqualTo(400);
        String state = TestPlatform.query(URI.create(login().headers().firstValue("Location").orElseThrow())
                .getRawQuery()).get("state");
        CLOCK.advance(LoginStates.STATE_LIFETIME.plusSeconds(1));
        HttpResponse<String> late = postForm(tool("/lti/launch"), Map.of("id_token", idToken, "state", state));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("expired");
        assertThat(rows("lti_link")).isEqualTo(links);
        assertThat(rows("lti_used_nonce")).isEqualTo(nonces);
    }

    @Test
    void thePlatformsOwnErrorIsShownNotHidden() throws Exception {
        HttpResponse<String> r = postForm(tool("/lti/launch"), Map.of("error", "login_required",
                "error_description", "third-party cookies blocked"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("login_required").contains("third-party cookies blocked");
    }
}
