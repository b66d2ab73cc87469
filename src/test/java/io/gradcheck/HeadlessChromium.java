package io.gradcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven by Debian's chromedriver for the browser tests: headless, a fresh profile of its own,
 * the driver named explicitly so that Selenium Manager never runs and nothing is downloaded. Closing it quits the
 * browser and deletes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * @param extraArguments further chromium switches (e.g. a window size)
     * @param prefs          profile preferences (e.g. blocking third-party cookies), none if empty
     */
    public static HeadlessChromium start(String name, List<String> extraArguments, Map<String, Object> prefs)
            throws IOException {
        Path profile = Files.createTempDirectory(name);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        List<String> arguments = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--no-first-run"));
        arguments.addAll(extraArguments);
        arguments.add("--user-data-dir=" + profile);
        options.addArguments(arguments);
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
