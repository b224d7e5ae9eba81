package org.mentormatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mentormatch.console.Browser.submit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunId;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Introduction;
import org.mentormatch.io.DecisionStore;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The review console driven in a real browser (headless Chromium), as a coordinator uses it, on a
 * small home ({@link ConsoleHome}): sign-in, filters, decisions one by one and in bulk, edited
 * introductions in the outbox, another listed mentor, and the refusals: out of scope, no CSRF
 * token, expired, decided by someone else first.
 */
class ReviewConsoleIT {
  private static final String RUN = ConsoleHome.RUN;
  private static final Clock CLOCK = Clock.fixed(Instant.parse(ConsoleHome.TODAY), ZoneOffset.UTC);

  private static Browser browser;
  private static ChromeDriver web;

  @TempDir Path tmp;

  private ConsoleHome home;
  private ReviewConsole console;
  private FileStore files;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
    web = browser.driver;
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void startConsole() throws Exception {
    home = ConsoleHome.create(tmp.resolve("home"));
    files = new FileStore(new Configuration());
    console =
        ReviewConsole.start(
            files, new ReviewConsole.Options(home.root.toString(), null, "127.0.0.1", 0), CLOCK);
    web.manage().deleteAllCookies();
  }

  @AfterEach
  void stopConsole() throws Exception {
    console.close();
  }

  // --- helpers ---

  private void signIn(ChromeDriver driver, String coordinator) {
    driver.get(console.signInLinks().get(coordinator).toString());
  }

  private void open(ChromeDriver driver, String path) {
    driver.get(console.address().resolve(path).toString());
  }

  private String page() {
    return web.findElement(By.tagName("body")).getText();
  }

  private List<String> listed() {
    return web.findElements(By.cssSelector("table.proposals tbody tr")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private List<String> outcome(String kind) {
    return web.findElements(By.cssSelector("#outcome ul." + kind + " li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private DecisionStore store() {
    return new DecisionStore(files, Home.at(home.root.toString()));
  }

  private Decision decisionOf(String proposalId) throws IOException {
    return store().ledger().stream()
        .filter(d -> d.getProposalId().equals(proposalId))
        .findFirst()
        .orElse(null);
  }

  private Introduction sent(String proposalId) throws IOException {
    return store().outbox(RunId.of(RUN)).stream()
        .filter(i -> i.getProposalId().equals(proposalId))
        .findFirst()
        .orElse(null);
  }

  private void check(String proposalId) {
    web.findElement(By.cssSelector("input[name=proposal][value='" + proposalId + "']")).click();
  }

  /** Adds a selected checkbox for {@code proposalId} to the bulk form, as a crafted form would. */
  private void craftSelection(String proposalId) {
    ((JavascriptExecutor) web)
        .executeScript(
            "var i = document.createElement('input'); i.type = 'hidden'; i.name = 'proposal';"
                + " i.value = arguments[0]; document.getElementById('bulk').appendChild(i);",
            proposalId);
  }

  // --- sign-in ---

  @Test
  void withoutSigningInEveryPageIsTheSignInPageAndShowsNoMember() {
    for (String path :
        List.of(
            "/",
            "/runs/" + RUN + "/proposals",
            "/runs/" + RUN + "/proposals/P-ana",
            "/runs/" + RUN + "/unmatched",
            "/runs/" + RUN + "/fairness")) {
      open(web, path);
      assertTrue(page().contains("Sign-in code"), path + ": " + page());
      assertFalse(page().contains("Ana Lima") || page().contains("Uma"), path);
    }
    open(web, "/signin?token=not-a-valid-secret");
    assertTrue(page().contains("not valid"), page());
    assertFalse(page().contains("Ana Lima"));
  }

  @Test
  void aSignInLinkWorksOnceAndShowsOnlyTheCoordinatorsScope() {
    signIn(web, "eng");
    assertTrue(page().contains("Signed in as Eli Eng"), page());
    open(web, "/runs/" + RUN + "/proposals?state=all");
    String all = String.join("\n", listed());
    assertTrue(all.contains("Ana Lima") && all.contains("Eva Eek") && all.contains("Jo Jung"));
    assertFalse(all.contains("Gus Gray"), "a Sales proposal outside eng's scope: " + all);
    assertEquals("5", web.findElement(By.cssSelector(".counts strong")).getText());

    web.manage().deleteAllCookies();
    signIn(web, "eng"); // the same link again
    assertTrue(page().contains("not valid"), page());
    open(web, "/runs/" + RUN + "/proposals");
    assertFalse(page().contains("Ana Lima"));
  }

  @Test
  void signingOutEndsTheSession() {
    signIn(web, "eng");
    submit(web, By.cssSelector("form[action='/signout'] button"));
    open(web, "/runs/" + RUN + "/proposals");
    assertTrue(page().contains("Sign-in code"), page());
  }

  // --- pages ---

  @Test
  void filtersByDepartmentScoreAndState() {
    signIn(web, "eng");
    new Select(web.findElement(By.id("department"))).selectByVisibleText("Data");
    submit(web, By.cssSelector("form.filters button"));
    assertEquals(1, listed().size(), listed().toString());
    assertTrue(listed().get(0).contains("Eva Eek"));

    new Select(web.findElement(By.id("department"))).selectByVisibleText("any");
    web.findElement(By.id("min")).sendKeys("0.6");
    submit(web, By.cssSelector("form.filters button"));
    assertEquals(2, listed().size(), listed().toString()); // Ana 0.81, Cai 0.62
    assertTrue(web.getCurrentUrl().contains("min=0.6"), web.getCurrentUrl());

    open(web, "/runs/" + RUN + "/proposals?state=closed");
    assertEquals(1, listed().size(), listed().toString());
    assertTrue(listed().get(0).contains("Jo Jung") && listed().get(0).contains("EXPIRED"));

    open(web, "/runs/" + RUN + "/proposals?state=decided");
    assertTrue(page().contains("No proposal matches these filters"), page());
  }

  @Test
  void memberTextIsShownAsTextAndNoScriptButTheConsolesRuns() throws Exception {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals/P-cai");
    assertTrue(page().contains(ConsoleHome.HOSTILE_NAME), page());
    assertThrows(NoAlertPresentException.class, () -> web.switchTo().alert());
    assertTrue(web.findElements(By.cssSelector("main script")).isEmpty());

    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(console.address().resolve("/signin")).build(),
                HttpResponse.BodyHandlers.ofString());
    String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
  }

  @Test
  void theProposalPageShowsBothProfilesScoreAlternativesAndTheDraft() {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals/P-ana");
    String text = page();
    for (String expected :
        List.of(
            "Ana Lima",
            "Bo Berg",
            "Europe/Berlin",
            "Apache Spark; Scala",
            "Score 0.810",
            "coverage 0.80",
            "Fay Free",
            "fits less well",
            "Skills cover 1 of 1 goals.")) {
      assertTrue(text.contains(expected), expected + " in " + text);
    }
    String draft = web.findElement(By.id("introduction")).getAttribute("value");
    assertTrue(draft.startsWith("Hi Ana and Bo,"), draft);
  }

  @Test
  void unmatchedMenteesInScopeAndTheFairnessTables() {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/unmatched");
    assertTrue(page().contains("Uma Unmatched") && page().contains("no mentor speaks fr"));
    assertFalse(page().contains("Sol Sales"), "a Sales mentee outside eng's scope");
    open(web, "/runs/" + RUN + "/fairness");
    assertTrue(page().contains("By department") && page().contains("By time-zone region"));
    // Sales: 1 of 3 matched (33.3%) against 7 of 10 overall: flagged.
    assertTrue(page().contains("▼ Sales"), page());
  }

  // --- decisions ---

  @Test
  void approvingOneSendsItsDraftConfirmedByTheCoordinator() throws IOException {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals/P-eva");
    submit(web, By.cssSelector("button.approve"));
    assertTrue(outcome("applied").get(0).contains("approved: Eva Eek with Finn Falk"), page());
    Introduction i = sent("P-eva");
    assertEquals("eng", i.getApprovedBy());
    assertTrue(i.getBody().endsWith("confirmed by Eli Eng, programme coordinator."), i.getBody());
    assertEquals("review-console", decisionOf("P-eva").getDecisionsFile());
    assertTrue(page().contains("APPROVED"), page());
  }

  @Test
  void bulkApprovalDecidesEverySelectedProposal() throws IOException {
    signIn(web, "eng");
    check("P-ana");
    check("P-cai");
    assertEquals("2", web.findElement(By.id("selected-count")).getText());
    web.findElement(By.id("bulk-note")).sendKeys("monday batch");
    submit(web, By.cssSelector("#bulk button.approve"));
    assertEquals(2, outcome("applied").size(), page());
    assertEquals(DecisionKind.APPROVE, decisionOf("P-ana").getDecision());
    assertEquals("monday batch", decisionOf("P-cai").getNote());
    assertTrue(sent("P-ana") != null && sent("P-cai") != null);
    assertNull(sent("P-eva"));
  }

  @Test
  void selectAllTakesEveryPendingProposalShown() throws IOException {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals?department=Engineering");
    web.findElement(By.id("select-all")).click();
    assertEquals("3", web.findElement(By.id("selected-count")).getText()); // Ana, Cai, Ida
    submit(web, By.cssSelector("#bulk button.reject"));
    assertEquals(3, outcome("applied").size(), page());
    assertTrue(web.getCurrentUrl().contains("department=Engineering"), web.getCurrentUrl());
    assertTrue(store().outbox(RunId.of(RUN)).isEmpty());
  }

  @Test
  void anEditedIntroductionIsWhatTheOutboxSendsWithTheApprover() throws IOException {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals/P-ana");
    WebElement text = web.findElement(By.id("introduction"));
    text.clear();
    text.sendKeys("Hi Ana and Bo,\n\nYou both love Spark: talk soon!");
    web.findElement(By.id("note")).sendKeys("rewrote the greeting");
    submit(web, By.cssSelector("form.decide button.approve"));
    Introduction i = sent("P-ana");
    assertTrue(i.getBody().startsWith("Hi Ana and Bo,\n\nYou both love Spark: talk soon!"));
    assertTrue(i.getBody().endsWith("confirmed by Eli Eng, programme coordinator."), i.getBody());
    assertEquals("eng", i.getApprovedBy());
    assertEquals("Eli Eng", i.getApprovedByName());
    Decision d = decisionOf("P-ana");
    assertTrue(d.getEditedIntroduction().contains("talk soon"));
    assertEquals("rewrote the greeting", d.getNote());
  }

  @Test
  void rejectingRecordsTheDecisionAndSendsNothing() throws IOException {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals/P-eva");
    web.findElement(By.id("note")).sendKeys("Finn is on leave");
    submit(web, By.cssSelector("button.reject"));
    assertTrue(outcome("applied").get(0).contains("rejected: Eva Eek with Finn Falk"), page());
    assertEquals(DecisionKind.REJECT, decisionOf("P-eva").getDecision());
    assertEquals("Finn is on leave", decisionOf("P-eva").getNote());
    assertTrue(store().outbox(RunId.of(RUN)).isEmpty());
    assertTrue(web.findElements(By.cssSelector("button.approve")).isEmpty(), "decided: no buttons");
  }

  @Test
  void anotherListedMentorWithAFreePlaceIsApprovedWithARedraftedIntroduction() throws IOException {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals/P-ana");
    submit(web, By.cssSelector("a.choose[href$='/with/t-free']"));
    assertTrue(page().contains("2 offered, 0 taken"), page());
    String draft = web.findElement(By.id("introduction")).getAttribute("value");
    assertTrue(draft.startsWith("Hi Ana and Fay,") && draft.contains("Spark streaming"), draft);
    submit(web, By.cssSelector("button.approve"));
    assertTrue(outcome("applied").get(0).contains("Fay Free, chosen instead"), page());

    Decision d = decisionOf("P-ana");
    assertEquals("t-free", d.getMentorId());
    assertEquals("t-bo", d.getChosenInsteadOf());
    Introduction i = sent("P-ana");
    assertEquals("t-free", i.getMentorId());
    assertEquals("t-free@example.org", i.getMentorEmail());
    assertTrue(i.getSubject().endsWith("Ana and Fay"), i.getSubject());
    assertTrue(i.getBody().startsWith("Hi Ana and Fay,"), i.getBody());
    assertTrue(i.getBody().endsWith("confirmed by Eli Eng, programme coordinator."));
  }

  @Test
  void anotherListedMentorWithoutAFreePlaceIsRefused() throws IOException {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals/P-ana/with/t-full");
    assertTrue(page().contains("1 offered, 1 taken") && page().contains("no free place"));
    submit(web, By.cssSelector("button.approve"));
    List<String> refused = outcome("refused");
    assertEquals(1, refused.size(), page());
    assertTrue(refused.get(0).contains("Flo Full (t-full) has no free place"), refused.get(0));
    assertTrue(store().ledger().isEmpty());
    assertTrue(store().outbox(RunId.of(RUN)).isEmpty());
  }

  // --- refusals ---

  @Test
  void aProposalOutsideTheScopeCannotBeSeenNorDecidedByACraftedRequest() throws IOException {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals/P-gus");
    assertTrue(page().contains("Not found"), page());
    assertFalse(page().contains("Gus Gray"));

    open(web, "/runs/" + RUN + "/proposals");
    craftSelection("P-gus");
    submit(web, By.cssSelector("#bulk button.approve"));
    List<String> refused = outcome("refused");
    assertEquals(1, refused.size(), page());
    assertTrue(refused.get(0).contains("no proposal P-gus in run " + RUN + " within your scope"));
    assertFalse(page().contains("Gus Gray") || page().contains("Sales"), page());
    assertNull(decisionOf("P-gus"));
    assertTrue(store().outbox(RunId.of(RUN)).isEmpty());
  }

  @Test
  void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals/P-eva");
    ((JavascriptExecutor) web)
        .executeScript(
            "document.querySelectorAll('input[name=csrf]').forEach(function (e) { e.remove(); });");
    submit(web, By.cssSelector("button.approve"));
    assertTrue(page().contains("Refused") && page().contains("security token"), page());
    assertNull(decisionOf("P-eva"));

    // The same from another program that stole nothing but the page's address: no cookie.
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(console.address().resolve("/runs/" + RUN + "/decide"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("proposal=P-eva&decision=approve"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(401, r.statusCode());
    assertNull(decisionOf("P-eva"));
  }

  @Test
  void anExpiredProposalIsShownButCannotBeDecided() throws IOException {
    signIn(web, "eng");
    open(web, "/runs/" + RUN + "/proposals/P-jo");
    assertTrue(page().contains("expired on 2026-11-22"), page());
    assertTrue(web.findElements(By.cssSelector("form.decide")).isEmpty());

    open(web, "/runs/" + RUN + "/proposals");
    craftSelection("P-jo");
    submit(web, By.cssSelector("#bulk button.approve"));
    List<String> refused = outcome("refused");
    assertEquals(1, refused.size(), page());
    assertTrue(refused.get(0).contains("expired on 2026-11-22"), refused.get(0));
    assertNull(decisionOf("P-jo"));
  }

  @Test
  void twoCoordinatorsDecidingTheSameProposalOneWinsTheOtherIsTold() throws IOException {
    try (Browser second = Browser.start()) {
      signIn(web, "eng");
      signIn(second.driver, "all");
      open(web, "/runs/" + RUN + "/proposals/P-ida");
      open(second.driver, "/runs/" + RUN + "/proposals/P-ida");
      submit(web, By.cssSelector("button.approve"));
      submit(second.driver, By.cssSelector("button.reject"));
      assertEquals(1, outcome("applied").size(), page());
      String told = second.driver.findElement(By.cssSelector("#outcome ul.refused li")).getText();
      assertTrue(told.contains("already approved by eng"), told);
      Decision d = decisionOf("P-ida");
      assertEquals(DecisionKind.APPROVE, d.getDecision());
      assertEquals("eng", d.getCoordinatorId());
      assertEquals(1, store().ledger().size());
    }
  }

  @Test
  void simultaneousRequestsMeetTheLedgerInTurn() throws Exception {
    Map<String, String> cookies = Map.of("eng", session("eng"), "all", session("all"));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done =
          List.of(
              pool.submit(post(go, cookies.get("eng"), "approve")),
              pool.submit(post(go, cookies.get("all"), "reject")));
      go.countDown();
      for (Future<Integer> f : done) {
        assertEquals(303, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    List<Decision> ledger = store().ledger();
    assertEquals(1, ledger.size(), ledger.toString());
    assertEquals("P-ida", ledger.get(0).getProposalId());
  }

  /** Signs {@code coordinator} in with a plain HTTP client: "cookie; csrf". */
  private String session(String coordinator) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(console.signInLinks().get(coordinator)).build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(console.address().resolve("/runs/" + RUN + "/proposals"))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String body = page.body();
    int at = body.indexOf("name=\"csrf\" value=\"") + "name=\"csrf\" value=\"".length();
    return cookie + ";" + body.substring(at, body.indexOf('"', at));
  }

  private Callable<Integer> post(CountDownLatch go, String session, String decision) {
    String[] parts = session.split(";");
    return () -> {
      go.await();
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(console.address().resolve("/runs/" + RUN + "/decide"))
                  .header("Cookie", parts[0])
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "csrf=" + parts[1] + "&proposal=P-ida&decision=" + decision))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    };
  }

  @Test
  void theLogNamesCoordinatorsAndCountsButNoMember() throws IOException {
    java.io.StringWriter log = new java.io.StringWriter();
    org.apache.logging.log4j.core.LoggerContext context =
        (org.apache.logging.log4j.core.LoggerContext)
            org.apache.logging.log4j.LogManager.getContext(false);
    org.apache.logging.log4j.core.appender.WriterAppender appender =
        org.apache.logging.log4j.core.appender.WriterAppender.newBuilder()
            .setName("console-it")
            .setTarget(log)
            .setLayout(
                org.apache.logging.log4j.core.layout.PatternLayout.newBuilder()
                    .withPattern("%p %c{1}: %m%n")
                    .build())
            .build();
    appender.start();
    org.apache.logging.log4j.core.config.LoggerConfig console =
        context.getConfiguration().getLoggerConfig("org.mentormatch.console");
    console.addAppender(appender, null, null);
    context.updateLoggers();
    try {
      signIn(web, "eng");
      open(web, "/runs/" + RUN + "/proposals/P-cai");
      submit(web, By.cssSelector("button.approve"));
      open(web, "/runs/" + RUN + "/proposals");
      craftSelection("P-gus");
      submit(web, By.cssSelector("#bulk button.reject"));
      open(web, "/runs/" + RUN + "/proposals/P-eva");
      ((JavascriptExecutor) web)
          .executeScript(
              "document.querySelectorAll('input[name=csrf]').forEach(function (e) {"
                  + " e.remove(); });");
      submit(web, By.cssSelector("button.approve"));
    } finally {
      console.removeAppender("console-it");
      context.updateLoggers();
      appender.stop();
    }
    String text = log.toString();
    assertTrue(text.contains("coordinator eng signed in"), text);
    assertTrue(text.contains("eng applied 1 decision(s)"), text);
    assertTrue(text.contains("CSRF"), text);
    for (String member :
        List.of("Cai", "Chen", "Gus", "Eva", "Dee", "Finn", "Eli Eng", "@example.org", "<script")) {
      assertFalse(text.contains(member), member + " in the log:\n" + text);
    }
  }

  @Test
  void aPortInUseIsAPlainError() {
    int taken = console.address().getPort();
    org.mentormatch.UserError e =
        assertThrows(
            org.mentormatch.UserError.class,
            () ->
                ReviewConsole.start(
                    files,
                    new ReviewConsole.Options(home.root.toString(), null, "127.0.0.1", taken),
                    CLOCK));
    assertTrue(e.getMessage().contains("Pass another --port"), e.getMessage());
  }

  @Test
  void theHomeMustExist() {
    URI nowhere = tmp.resolve("nowhere").toUri();
    assertThrows(
        org.mentormatch.UserError.class,
        () ->
            ReviewConsole.start(
                files, new ReviewConsole.Options(nowhere.getPath(), null, "127.0.0.1", 0), CLOCK));
  }
}
