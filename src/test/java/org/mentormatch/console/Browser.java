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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
