package io.gradcheck.lti;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.HeadlessChromium;
import io.gradcheck.learn.LearnerToken;
import io.gradcheck.learn.LearnerTokens;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The launch in headless Chromium inside an iframe of another origin (the platform's course page on localhost,
 * the tool on 127.0.0.1), with third-party cookies blocked: login, the platform's auto-posted id_token and the
 * launch all happen in the frame, and it ends on the learner page's URL with a valid learner token. The real
 * learner page then works in the frame: the statement and the answer field show, an answer typed and submitted
 * gets its verdict in the status region, is stored for the launch's learner and goes back to the platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LtiBrowserTests extends LtiTestSupport {

    @Autowired
    LearnerTokens learnerTokens;
    @Autowired
    PassbackWorker worker;
    @Autowired
    io.gradcheck.submissions.SubmissionService submissions;

    /** The learner of this run: a database reused across runs (PostgreSQL, locally) holds earlier runs' links. */
    private static final String SUB = "browser-" + Long.toString(System.nanoTime(), 36);

    private HeadlessChromium chromium;
    private WebDriver driver;

    @BeforeAll
    void startChromium() throws IOException {
        // third-party cookies blocked, as in browsers today: the launch must not depend on them
        chromium = HeadlessChromium.start("gradcheck-lti-chromium", List.of(),
                Map.of("profile.block_third_party_cookies", true));
        driver = chromium.driver();
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aLaunchInACrossOriginIframeOpensTheLearnerPageThatGradesWithoutCookies() {
        platform.nextLaunch = platform.learnerLaunch(SUB, "ds4420-lecture-2", "quadratic", "browser-link-" + SUB);
        String login = tool("/lti/login?iss=" + enc(TestPlatform.ISSUER) + "&login_hint=" + SUB + "&client_id="
                + CLIENT_ID);
        String course = platform.url("/course").replace("127.0.0.1", "localhost") + "?tool=" + enc(login);

        driver.get(course);
        driver.switchTo().frame("tool");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> String.valueOf(js.executeScript("return document.location.href")).contains("/learn/"));

        URI landed = URI.create(String.valueOf(js.executeScript("return document.location.href")));
        assertThat(landed.getHost()).isEqualTo("127.0.0.1");
        assertThat(landed.getPath()).isEqualTo("/learn/ds4420-lecture-2/quadratic");
        LearnerToken token = learnerTokens.verify(TestPlatform.query(landed.getRawQuery()).get("token")).orElseThrow();
        String learner = TestPlatform.ISSUER + "|" + SUB;
        assertThat(token.learnerId()).isEqualTo(learner);

        // the real learner page, inside the LMS's frame
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("return document.readyState === 'complete'"
                + " && !!customElements.get('math-field')")));
        WebElement statement = driver.findElement(By.cssSelector(".statement"));
        assertThat(statement.isDisplayed()).isTrue();
        assertThat(statement.getText()).contains("Given", "find", "Source");
        WebElement math = field(wait, "Your answer");
        assertThat(math.getTagName()).isEqualTo("math-field");
        driver.findElement(By.id("sw-0")).click();
        WebElement box = field(wait, "Your answer");
        assertThat(box.getTagName()).isEqualTo("input");
        box.sendKeys("(A + A^T) x");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement submit = d.findElement(By.cssSelector("#answer-form button[type=submit]"));
            assertThat(submit.getText()).isEqualTo("Submit");
            submit.click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Correct"));
        WebElement status = driver.findElement(By.cssSelector("[role=status]"));
        assertThat(status.getText()).contains("Score: 100%").doesNotContain("nothing was stored");

        // stored for the launch's learner, and the score reaches the platform once
        assertThat(submissions.search(learner, "ds4420-lecture-2", null, null, 0, 1).getTotalElements()).isEqualTo(1);
        worker.runOnce();
        worker.runOnce();
        synchronized (platform.scores) {
            assertThat(platform.scores.stream().filter(s -> s.path("userId").asString("").equals(SUB)))
                    .singleElement().satisfies(s -> assertThat(s.path("scoreGiven").asDouble()).isEqualTo(1.0));
        }
        assertThat(driver.manage().getCookies()).isEmpty();
    }

    /**
     * The visible field labelled by the label with this text (its aria-labelledby; the math field, or the text box
     * after the switch). Chromedriver's computed accessible name is not read inside a frame, so the label is
     * followed by hand.
     */
    private static WebElement field(WebDriverWait wait, String name) {
        // the page may still be upgrading its fields: look again rather than hold a replaced element
        return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            String label = d.findElements(By.tagName("label")).stream().filter(l -> name.equals(l.getText().strip()))
                    .map(l -> l.getAttribute("id")).findFirst().orElse(null);
            return label == null ? null : d.findElements(By.cssSelector("math-field, input[type=text]")).stream()
                    .filter(WebElement::isDisplayed).filter(e -> label.equals(e.getAttribute("aria-labelledby")))
                    .findFirst().orElse(null);
        });
    }
}
