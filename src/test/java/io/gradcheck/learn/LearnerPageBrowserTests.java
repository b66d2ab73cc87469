package io.gradcheck.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.submissions.SubmissionService;
import io.gradcheck.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The learner page in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium; no
 * driver or browser is downloaded). Fields are found by their accessible names, as a screen reader finds them.
 * Each state is saved as a screenshot under target/learner-page/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnerPageBrowserTests {

    private static final String SET = "ds4420-lecture-2";
    private static final Path SHOTS = Path.of("target", "learner-page");

    @LocalServerPort
    int port;

    @Autowired
    LearnerTokens tokens;

    @Autowired
    SubmissionService submissions;

    private HeadlessChromium chromium;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void startChromium() throws IOException {
        chromium = HeadlessChromium.start("gradcheck-chromium", List.of("--window-size=1100,1400"), Map.of());
        driver = chromium.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String url(String problem, String learner) {
        String base = "http://localhost:" + port + "/learn/" + SET + "/" + problem;
        return learner == null ? base : base + "?token=" + tokens.issue(learner, SET, Duration.ofHours(1));
    }

    private void open(String url) {
        driver.get(url);
        wait.until(d -> ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !!window.gradcheckStats"
                        + " && !!customElements.get('math-field')"));
    }

    /** The visible field whose accessible name is exactly this. */
    private WebElement field(String name) {
        return wait.until(d -> d.findElements(By.cssSelector("math-field, input[type=text]")).stream()
                .filter(WebElement::isDisplayed).filter(e -> name.equals(e.getAccessibleName())).findFirst()
                .orElse(null));
    }

    private WebElement button(String name) {
        return driver.findElements(By.tagName("button")).stream().filter(b -> name.equals(b.getAccessibleName()))
                .findFirst().orElseThrow();
    }

    private WebElement status() {
        return driver.findElement(By.cssSelector("[role=status]"));
    }

    private String waitForStatus(String text) {
        wait.until(ExpectedConditions.textToBePresentInElement(status(), text));
        return status().getText();
    }

    private void waitForPreview(String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".preview"), text));
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what the page had when the preview did not come: the field's value, the box's, previews sent
            System.out.println("no preview; page state: " + ((JavascriptExecutor) driver).executeScript(
                    "const m = document.getElementById('mf-0'); return [m.value, document.getElementById('tb-0')"
                    + ".value, document.getElementById('sw-0').checked, window.gradcheckStats.previews.length]"));
            throw e;
        }
    }

    private void shot(String name) throws IOException {
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private long stored(String learner) {
        return submissions.search(learner, SET, null, null, 0, 1).getTotalElements();
    }

    @Test
    void aSignedLinkACorrectAnswerInTheMathFieldThePreviewAndTheScore() throws IOException {
        open(url("linear", "browser-correct"));
        shot("1-problem-opened");
        WebElement answer = field("Your answer");
        assertThat(answer.getTagName()).isEqualTo("math-field");
        typeInMathField(answer, "y");
        waitForPreview("We read your answer as");
        assertThat(driver.findElement(By.cssSelector(".preview")).getText()).contains("a column of 2"); // y ∈ R² in the notes' worked example
        assertThat(driver.findElements(By.cssSelector(".preview .katex"))).isNotEmpty();
        shot("2-preview");
        button("Submit").click();
        String said = waitForStatus("Correct");
        assertThat(said).contains("Score: 100%", "Attempts used: 1 (no limit)");
        shot("3-correct");
        assertThat(stored("browser-correct")).isEqualTo(1);
        assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(1);
        figures();
    }

    @Test
    void aWrongAnswerShowsItsDiagnosisAndAPlot() throws IOException {
        open(url("quadratic", "browser-wrong"));
        WebElement answer = field("Your answer");
        typeInMathField(answer, "2Ax");
        waitForPreview("We read your answer as");
        button("Submit").click();
        String said = waitForStatus("Incorrect");
        // the problem's hint for the symmetric_only diagnosis, and no credit
        assertThat(said).contains("A is not symmetric in general", "Score: 0%");
        WebElement plot = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#plots img.plot")));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", plot))
                .intValue() > 0);
        assertThat(plot.getAccessibleName()).contains("Plot of the derivative");
        shot("4-wrong-with-plot");
        assertThat(stored("browser-wrong")).isEqualTo(1);
    }

    @Test
    void theTextBoxSwitchGivesAPlainBoxWithTheSameName() throws IOException {
        open(url("quadratic", "browser-text"));
        driver.findElement(By.id("sw-0")).click();
        WebElement box = field("Your answer");
        assertThat(box.getTagName()).isEqualTo("input");
        box.sendKeys("(A + A^T) x");
        waitForPreview("We read your answer as");
        shot("5-text-box");
        button("Submit").click();
        assertThat(waitForStatus("Correct")).contains("Score: 100%");
        box.clear();
        box.sendKeys("(A + A^T x");
        waitForPreview("Cannot read this yet");
        shot("6-preview-error");
    }

    /** A whole LaTeX matrix is previewed entry by entry; an error in an entry is placed in the whole text typed. */
    @Test
    void aMatrixIsPreviewedAndAnErrorInAnEntryIsPlacedInTheWholeText() throws IOException {
        open(url("quadratic", "browser-matrix"));
        driver.findElement(By.id("sw-0")).click();
        WebElement box = field("Your answer");
        box.sendKeys("\\begin{bmatrix} 2 x_1 \\\\ x_2 \\\\ x_3 \\end{bmatrix}");
        waitForPreview("a column of 3");
        box.clear();
        String typed = "\\begin{bmatrix} 2 x_1 \\\\ \\frac{x_2}{2} \\\\ 3 q \\end{bmatrix}";
        box.sendKeys(typed);
        waitForPreview("Cannot read this yet: entry (3,1) of the matrix: unknown name `q`");
        waitForPreview("(at character " + (typed.indexOf('q') + 1) + ")");
        shot("11-matrix-preview-error");
    }

    @Test
    void everythingWorksWithTheKeyboardAlone() throws IOException {
        open(url("quadratic", "browser-keys"));
        Actions keys = new Actions(driver);
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 30 && !"sw-0".equals(active()); i++) {
            keys.sendKeys(Keys.TAB).perform();
            visited.add(active());
        }
        assertThat(visited).contains("mf-0"); // the math field is in the tab order, before the switch
        assertThat(active()).isEqualTo("sw-0");
        keys.sendKeys(Keys.SPACE).perform(); // "Type as text": focus moves into the box
        wait.until(d -> "tb-0".equals(active()));
        keys.sendKeys("(A + A^T) x").perform();
        waitForPreview("We read your answer as");
        keys.sendKeys(Keys.ENTER).perform(); // submits the form
        assertThat(waitForStatus("Correct")).contains("Score: 100%");
        shot("7-keyboard");
        assertThat(stored("browser-keys")).isEqualTo(1);
    }

    @Test
    void latexFromTheMathFieldIsReadAsTheNotationItWrites() throws IOException {
        open(url("quadratic", "browser-latex"));
        WebElement answer = field("Your answer");
        // "(" opens a fence MathLive closes itself; ArrowRight leaves the superscript
        typeLatex(answer, "\\left(A+A^{T}\\right)x", "(A+A^T", Keys.ARROW_RIGHT, ")x");
        waitForPreview("We read your answer as");
        button("Submit").click();
        assertThat(waitForStatus("Correct")).contains("Score: 100%");
        shot("9-latex-fence-and-superscript");
        assertThat(stored("browser-latex")).isEqualTo(1);
    }

    @Test
    void aCdotFromTheMathFieldIsAProductAndTheDiagnosisFollows() throws IOException {
        open(url("quadratic", "browser-cdot"));
        WebElement answer = field("Your answer");
        typeLatex(answer, "2\\cdot A\\cdot x", "2*A*x"); // MathLive writes * as \cdot
        waitForPreview("We read your answer as");
        button("Submit").click();
        // read as 2·A·x, not refused as unreadable: the symmetric-only hint of the problem
        assertThat(waitForStatus("Incorrect")).contains("A is not symmetric in general", "Score: 0%");
        shot("10-latex-cdot");
    }

    /** Types keys into the math field and waits until its LaTeX value is exactly the expected one. */
    private void typeLatex(WebElement field, String latex, CharSequence... keys) {
        field.click();
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.activeElement === arguments[0] && arguments[0].hasFocus()", field)));
        new Actions(driver).sendKeys(keys).perform();
        try {
            wait.until(d -> latex.equals(((JavascriptExecutor) d).executeScript("return arguments[0].value", field)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the math field holds " + ((JavascriptExecutor) driver).executeScript(
                    "return arguments[0].value", field) + ", not " + latex, e);
        }
    }

    /** Focus the math field (its editable part lives in its shadow root), wait until it has focus, then type. */
    private void typeInMathField(WebElement field, String keys) {
        field.click();
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.activeElement === arguments[0] && arguments[0].hasFocus()", field)));
        new Actions(driver).sendKeys(keys).perform();
        wait.until(d -> keys.equals(((JavascriptExecutor) d).executeScript("return arguments[0].value", field)));
    }

    private String active() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.activeElement.id");
    }

    @Test
    void practiceModeChecksAndStoresNothing() throws IOException {
        long before = submissions.search(null, SET, null, null, 0, 1).getTotalElements();
        open(url("linear", null));
        assertThat(driver.findElement(By.id("mode")).getText()).contains("Practice mode");
        WebElement answer = field("Your answer");
        typeInMathField(answer, "y");
        waitForPreview("We read your answer as");
        button("Submit").click();
        assertThat(waitForStatus("Correct")).contains("nothing was stored");
        shot("8-practice");
        assertThat(submissions.search(null, SET, null, null, 0, 1).getTotalElements()).isEqualTo(before);
    }

    /** First render, page weight and the preview round trip, as the browser measures them (docs/performance.md). */
    @SuppressWarnings("unchecked")
    private void figures() {
        var js = (JavascriptExecutor) driver;
        Map<String, Object> nav = (Map<String, Object>) js.executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                        + "const r = performance.getEntriesByType('resource');"
                        + "return {load: n.loadEventEnd, dcl: n.domContentLoadedEventEnd,"
                        + " bytes: r.reduce((s, e) => s + e.encodedBodySize, n.encodedBodySize),"
                        + " decoded: r.reduce((s, e) => s + e.decodedBodySize, n.decodedBodySize), count: r.length + 1};");
        Object p95 = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const times = [];"
                        + "const body = JSON.stringify({expression: '(A + A^T) x + 2 A x', variables: {x: {shape: [3]},"
                        + " A: {shape: [3, 3]}}});"
                        + "(async () => { for (let i = 0; i < 100; i++) { const t = performance.now();"
                        + " await (await fetch('/api/v1/expressions/parse', {method: 'POST', headers: {'Content-Type':"
                        + " 'application/json'}, body})).json(); times.push(performance.now() - t); }"
                        + " times.sort((a, b) => a - b); done([times[49], times[94]]); })();");
        System.out.println("FIGURE learner page first render: DOMContentLoaded " + nav.get("dcl") + " ms, load "
                + nav.get("load") + " ms; weight " + nav.get("bytes") + " bytes over the wire (" + nav.get("decoded")
                + " decoded) in " + nav.get("count") + " requests; preview round trip (100 parses) median/p95 ms "
                + p95);
    }
}
