package org.mentormatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mentormatch.console.Browser.submit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunFiles;
import org.mentormatch.RunId;
import org.mentormatch.SampleRun;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Introduction;
import org.mentormatch.io.DecisionStore;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The README's coordinator's night, done in the browser on the sample run: Jonas Weber (c002) signs
 * in, filters his departments, reads a proposal, chooses a listed alternative, approves a selection
 * and rejects one; the outbox then holds exactly the approved introductions.
 *
 * <p>It saves a screenshot of each page to {@code target/console-screenshots/}, and also to the
 * directory in the system property {@code console.screenshots} when given: the README's pictures
 * are made with {@code mvn -B verify -Dit.test=CoordinatorNightInBrowserIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dconsole.screenshots=docs/console}.
 */
class CoordinatorNightInBrowserIT {
  // Two days after the sample run: every proposal is still pending.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T21:00:00Z"), ZoneOffset.UTC);
  private static final String RUN = SampleRun.RUN_ID;
  private static final List<String> SCOPE = List.of("Engineering", "Data", "Design", "Product");
  private static final Pattern ALTERNATIVE = Pattern.compile("^(.+) \\((m\\d+)\\) [0-9.]+: (.*)$");

  /** An Engineering proposal with an alternative mentor who has a free place, from review.csv. */
  record Journey(String proposalId, String mentee, String alternativeId, String alternative) {}

  private static Journey journey(List<CSVRecord> review) {
    for (CSVRecord r : review) {
      if (!r.get("mentee_department").equals("Engineering")) {
        continue;
      }
      for (String line : r.get("alternatives").split("\n")) {
        Matcher m = ALTERNATIVE.matcher(line);
        if (m.matches() && !m.group(3).startsWith("at capacity")) {
          return new Journey(r.get("proposal_id"), r.get("mentee_name"), m.group(2), m.group(1));
        }
      }
    }
    throw new AssertionError("no Engineering proposal with a free alternative in the sample");
  }

  @TempDir Path tmp;

  @Test
  void aCoordinatorsNightInTheBrowser() throws Exception {
    Path home = RunFiles.copyTree(SampleRun.home(), tmp.resolve("home"));
    List<CSVRecord> review = RunFiles.csv(SampleRun.run().resolve("review.csv"));
    long inScope = review.stream().filter(r -> SCOPE.contains(r.get("mentee_department"))).count();
    Journey j = journey(review);
    String menteeFirst = j.mentee().split(" ")[0];
    String alternativeFirst = j.alternative().split(" ")[0];
    Files.copy(Path.of("data/sample/coordinators.csv"), home.resolve("coordinators.csv"));
    FileStore files = new FileStore(new Configuration());
    try (Browser browser = Browser.start();
        ReviewConsole console =
            ReviewConsole.start(
                files, new ReviewConsole.Options(home.toString(), null, "127.0.0.1", 0), CLOCK)) {
      ChromeDriver web = browser.driver;
      web.get(console.address().toString());
      shot(web, "signin", 1280, 520);

      web.get(console.signInLinks().get("c002").toString());
      assertTrue(text(web).contains("Signed in as Jonas Weber"));
      assertTrue(text(web).contains("In your scope: " + inScope), text(web));
      shot(web, "proposals", 1280, 900);

      new Select(web.findElement(By.id("department"))).selectByVisibleText("Engineering");
      web.findElement(By.id("min")).sendKeys("0.5");
      submit(web, By.cssSelector("form.filters button"));
      List<WebElement> rows = web.findElements(By.cssSelector("table.proposals tbody tr"));
      assertTrue(rows.size() >= 5, rows.size() + " rows");
      shot(web, "filtered", 390, 844); // as on a phone

      web.get(
          console.address().resolve("/runs/" + RUN + "/proposals/" + j.proposalId()).toString());
      assertTrue(text(web).contains(j.mentee()) && text(web).contains(j.alternative()));
      shot(web, "proposal", 1280, 2000);

      submit(web, By.cssSelector("a.choose[href$='/with/" + j.alternativeId() + "']"));
      assertTrue(
          text(web).contains("Hi " + menteeFirst + " and " + alternativeFirst + ",")
              || introduction(web)
                  .startsWith("Hi " + menteeFirst + " and " + alternativeFirst + ","));
      shot(web, "alternative", 1280, 1400);
      submit(web, By.cssSelector("button.approve"));
      assertTrue(text(web).contains("chosen instead of the proposed mentor"), text(web));

      web.get(
          console
              .address()
              .resolve("/runs/" + RUN + "/proposals?department=Engineering&min=0.5")
              .toString());
      List<WebElement> boxes =
          web.findElements(By.cssSelector("input[name=proposal]")).stream().limit(3).toList();
      assertEquals(3, boxes.size());
      boxes.forEach(WebElement::click);
      web.findElement(By.id("bulk-note")).sendKeys("good fits, approved together");
      submit(web, By.cssSelector("#bulk button.approve"));
      assertEquals(3, web.findElements(By.cssSelector("#outcome ul.applied li")).size());
      shot(web, "decided", 1280, 900);

      String toReject =
          web.findElements(By.cssSelector("input[name=proposal]")).get(0).getAttribute("value");
      web.get(console.address().resolve("/runs/" + RUN + "/proposals/" + toReject).toString());
      web.findElement(By.id("note")).sendKeys("mentor is on leave until March");
      submit(web, By.cssSelector("button.reject"));

      web.get(console.address().resolve("/runs/" + RUN + "/fairness").toString());
      assertTrue(text(web).contains("By department"));
      shot(web, "fairness", 1280, 1100);
      web.get(console.address().resolve("/runs/" + RUN + "/unmatched").toString());
      shot(web, "unmatched", 1280, 900);
    }

    DecisionStore store = new DecisionStore(files, Home.at(home.toString()));
    List<Decision> ledger = store.ledger();
    assertEquals(5, ledger.size());
    assertEquals(4, ledger.stream().filter(d -> d.getDecision() == DecisionKind.APPROVE).count());
    assertTrue(ledger.stream().allMatch(d -> d.getCoordinatorId().equals("c002")));
    List<Introduction> outbox = store.outbox(RunId.of(RUN));
    assertEquals(4, outbox.size());
    assertTrue(outbox.stream().allMatch(i -> i.getApprovedBy().equals("c002")));
    assertTrue(
        outbox.stream()
            .anyMatch(
                i ->
                    i.getProposalId().equals(j.proposalId())
                        && i.getMentorId().equals(j.alternativeId())));
  }

  private static String text(ChromeDriver web) {
    return web.findElement(By.tagName("body")).getText();
  }

  private static String introduction(ChromeDriver web) {
    return web.findElement(By.id("introduction")).getAttribute("value");
  }

  /** Saves the page as {@code name}.png at this window size, and back to the laptop size. */
  private static void shot(ChromeDriver web, String name, int width, int height)
      throws IOException {
    web.manage().window().setSize(new Dimension(width, height));
    byte[] png = web.getScreenshotAs(OutputType.BYTES);
    web.manage().window().setSize(new Dimension(1280, 900));
    Path target = Path.of("target", "console-screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name + ".png"), png);
    String docs = System.getProperty("console.screenshots");
    if (docs != null && !docs.isBlank()) {
      Files.createDirectories(Path.of(docs));
      Files.write(Path.of(docs).resolve(name + ".png"), png);
    }
  }
}
