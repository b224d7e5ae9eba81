package org.mentormatch.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through chromedriver, for the console's browser tests.
 *
 * <p>Finds {@code chromium} and {@code chromedriver} in {@code $CHROMIUM} and {@code
 * $CHROMEDRIVER}, else in /usr/bin (Debian's {@code chromium} and {@code chromium-driver} packages,
 * which {@code .ci/run} installs). When they are missing the tests are skipped on a developer's
 * machine and fail under CI ({@code CI=true}), so a green CI always ran them. Each browser starts
 * with a fresh profile and without the background services that would try to reach the network.
 */
final class Browser implements AutoCloseable {
  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser, or skips (fails under CI) when Chromium or chromedriver is missing. */
  /** Clicks what {@code by} finds and waits until the browser has left the page for the next. */
  static void submit(ChromeDriver driver, By by) {
    WebElement html = driver.findElement(By.tagName("html"));
    driver.findElement(by).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(html));
  }

  /**
   * Whether an element's page is gone. Chrome reports a node of a page being replaced either as
   * stale or, for a moment, as "does not belong to the document": both mean the page has left.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  static Browser start() {
    File chromium = executable("CHROMIUM", "/usr/bin/chromium");
    File chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
    if (chromium == null || chromedriver == null) {
      String message =
          "the browser tests need Debian's chromium and chromium-driver (apt-get install chromium"
              + " chromium-driver), or $CHROMIUM and $CHROMEDRIVER";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    try {
      Path profile = Files.createTempDirectory("console-browser-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromium);
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-quic",
          "--disable-default-apps",
          "--disable-extensions",
          "--no-first-run",
          "--no-default-browser-check",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(chromedriver)
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      driver.manage().window().setSize(new Dimension(1280, 900));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static File executable(String variable, String fallback) {
    String given = System.getenv(variable);
    File f = new File(given == null || given.isBlank() ? fallback : given);
    return f.canExecute() ? f : null;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
