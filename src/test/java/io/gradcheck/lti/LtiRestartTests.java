package io.gradcheck.lti;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.GradcheckApplication;
import io.gradcheck.submissions.SubmissionGraded;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service stopped with scores still queued (the LMS was down) and started again on the same database: the
 * queued scores are sent once, the tool keeps its key, and a platform from configuration is not registered twice.
 */
class LtiRestartTests {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private ConfigurableApplicationContext start(TestPlatform platform) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--logging.level.root=WARN", "--gradcheck.lti.passback.scheduled=false",
                "--gradcheck.lti.passback.first-retry=1s",
                "--gradcheck.lti.platforms[0].issuer=" + TestPlatform.ISSUER,
                "--gradcheck.lti.platforms[0].client-id=restart-client",
                "--gradcheck.lti.platforms[0].deployment-ids=" + TestPlatform.DEPLOYMENT,
                "--gradcheck.lti.platforms[0].auth-login-url=" + platform.url("/auth"),
                "--gradcheck.lti.platforms[0].auth-token-url=" + platform.url("/token"),
                "--gradcheck.lti.platforms[0].jwks-url=" + platform.url("/jwks")));
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("gradcheck").toAbsolutePath());
        }
        ConfigurableApplicationContext app = SpringApplication.run(GradcheckApplication.class,
                args.toArray(String[]::new));
        platform.toolJwks = base(app) + "/lti/jwks";
        return app;
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void queuedScoresSurviveARestartAndAreSentOnce() throws Exception {
        try (TestPlatform platform = new TestPlatform(Clock.systemUTC(), "", "restart-client")) {
            String sub = "restart-" + System.nanoTime();
            String kid;
            try (ConfigurableApplicationContext app = start(platform)) {
                String base = base(app);
                kid = get(base + "/lti/jwks").body().replaceAll("(?s).*\"kid\":\"([^\"]+)\".*", "$1");
                platform.nextLaunch = platform.learnerLaunch(sub, "ds4420-lecture-2", "quadratic", "restart-link");
                HttpResponse<String> login = get(base + "/lti/login?iss=" + LtiTestSupport.enc(TestPlatform.ISSUER)
                        + "&login_hint=x&client_id=restart-client");
                HttpResponse<String> auth = get(login.headers().firstValue("Location").orElseThrow());
                Map<String, String> form = LtiTestSupport.hiddenFields(auth.body());
                HttpResponse<String> launch = http.send(HttpRequest.newBuilder(URI.create(base + "/lti/launch"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("id_token=" + form.get("id_token") + "&state="
                                + LtiTestSupport.enc(form.get("state")))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);

                platform.down = true;
                for (int i = 0; i < 3; i++) {
                    app.publishEvent(new SubmissionGraded(700_000 + i, "ds4420-lecture-2", "quadratic",
                            TestPlatform.ISSUER + "|" + sub, i + 1, "correct", 1.0, "attempt " + i,
                            Instant.now().plusMillis(i).truncatedTo(ChronoUnit.MICROS)));
                }
                assertThat(app.getBean(PassbackWorker.class).runOnce()).isZero();
            }

            platform.down = false;
            try (ConfigurableApplicationContext app = start(platform)) {
                assertThat(get(base(app) + "/lti/jwks").body()).contains(kid);
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                // the next try is due 1 s after the failure: let that time pass in the data, not on the wall clock
                // (a restart can take less than a second)
                jdbc.update("update lti_passback set next_try_at = ? where status = 'pending'"
                        + " and submission_id between 700000 and 700002",
                        Times.sql(Instant.now().minusSeconds(60)));
                assertThat(jdbc.queryForObject("select count(*) from lti_platform where client_id = 'restart-client'",
                        Integer.class)).isEqualTo(1);
                assertThat(app.getBean(PassbackWorker.class).runOnce()).isEqualTo(3);
                assertThat(app.getBean(PassbackWorker.class).runOnce()).isZero();
            }
            assertThat(platform.scores.stream().filter(s -> s.path("userId").asString("").equals(sub))
                    .map(s -> s.path("comment").asString()).toList())
                    .containsExactlyInAnyOrder("attempt 0", "attempt 1", "attempt 2");
        }
    }
}
