package io.gradcheck.lti;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.learn.LearnerToken;
import io.gradcheck.learn.LearnerTokens;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The launch in headless Chromium inside an iframe of another origin (the platform's course page on localhost,
 * the tool on 127.0.0.1), with third-party cookies blocked: login, the platform's auto-posted id_token and the
 * launch all happen in the frame, and it ends on the learner page's URL with a valid learner token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LtiBrowserTests extends LtiTestSupport {

    @Autowired
    LearnerTokens learnerTokens;

    private WebDriver driver;
    private Path profile;

    @BeforeAll
    void startChromium() throws IOException {
        profile = Files.createTempDirectory("gradcheck-lti-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("profile.block_third_party_cookies", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aLaunchInACrossOriginIframeLandsOnTheLearnerPageWithoutCookies() {
        platform.nextLaunch = platform.learnerLaunch("browser-1", "ds4420-lecture-2", "quadratic", "browser-link");
        String login = tool("/lti/login?iss=" + enc(TestPlatform.ISSUER) + "&login_hint=browser-1&client_id="
                + CLIENT_ID);
        String course = platform.url("/course").replace("127.0.0.1", "localhost") + "?tool=" + enc(login);

        driver.get(course);
        driver.switchTo().frame("tool");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> String.valueOf(
                js.executeScript("return document.location.href")).contains("/learn/"));

        URI landed = URI.create(String.valueOf(js.executeScript("return document.location.href")));
        assertThat(landed.getHost()).isEqualTo("127.0.0.1");
        assertThat(landed.getPath()).isEqualTo("/learn/ds4420-lecture-2/quadratic");
        LearnerToken token = learnerTokens.verify(TestPlatform.query(landed.getRawQuery()).get("token")).orElseThrow();
        assertThat(token.learnerId()).isEqualTo(TestPlatform.ISSUER + "|browser-1");
        assertThat(driver.manage().getCookies()).isEmpty();
    }
}
