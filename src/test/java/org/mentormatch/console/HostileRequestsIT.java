package org.mentormatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunId;
import org.mentormatch.avro.Decision;
import org.mentormatch.io.DecisionStore;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;

/**
 * The review console under requests no page of it sends, made with a plain HTTP client as a hostile
 * program would (no browser needed): oversized and repetitive forms, bytes that are not UTF-8, a
 * form that says two things at once, and forms sent from another site. Each is refused with a plain
 * status and page, and nothing reaches the ledger.
 */
class HostileRequestsIT {
  private static final String RUN = ConsoleHome.RUN;
  private static final Clock CLOCK = Clock.fixed(Instant.parse(ConsoleHome.TODAY), ZoneOffset.UTC);

  @TempDir Path tmp;

  private ConsoleHome home;
  private ReviewConsole console;
  private FileStore files;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void startConsole() throws Exception {
    home = ConsoleHome.create(tmp.resolve("home"));
    files = new FileStore(new Configuration());
    console =
        ReviewConsole.start(
            files, new ReviewConsole.Options(home.root.toString(), null, "127.0.0.1", 0), CLOCK);
  }

  @AfterEach
  void stopConsole() throws Exception {
    console.close();
  }

  /** A signed-in session of {@code coordinator}: its cookie and its CSRF token. */
  private record Session(String cookie, String csrf) {}

  private Session signIn(String coordinator) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(console.signInLinks().get(coordinator)).build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String body = get(cookie, "/runs/" + RUN + "/proposals").body();
    int at = body.indexOf("name=\"csrf\" value=\"") + "name=\"csrf\" value=\"".length();
    return new Session(cookie, body.substring(at, body.indexOf('"', at)));
  }

  private HttpResponse<String> get(String cookie, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(console.address().resolve(path)).header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String cookie, String path, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(console.address().resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> decide(Session s, String form, String... headers) throws Exception {
    return post(
        s.cookie(),
        "/runs/" + RUN + "/decide",
        ("csrf=" + s.csrf() + "&" + form).getBytes(StandardCharsets.UTF_8),
        headers);
  }

  private List<Decision> ledger() throws IOException {
    return new DecisionStore(files, Home.at(home.root.toString())).ledger();
  }

  private String outcome(Session s) throws Exception {
    String page = get(s.cookie(), "/runs/" + RUN + "/proposals?state=all").body();
    int at = page.indexOf("id=\"outcome\"");
    return at < 0 ? "" : page.substring(at, page.indexOf("</section>", at));
  }

  @Test
  void aFormRepeatingOneNameIsRefusedBeforeAnyoneSignsIn() throws Exception {
    // Jetty's own form reader copies a field's values on each one it adds: many thousands of
    // repeats kept a thread busy for minutes, and forms are read before the session is checked.
    String body = String.join("&", java.util.Collections.nCopies(Form.MAX_VALUES + 1, "a="));
    HttpResponse<String> r = post(null, "/signin", body.getBytes(StandardCharsets.US_ASCII));
    assertEquals(413, r.statusCode(), r.body());
    assertTrue(r.body().contains("more than " + Form.MAX_VALUES + " values"), r.body());
  }

  @Test
  void aTenMegabyteFormIsRefusedAsTooLargeAndChangesNothing() throws Exception {
    Session s = signIn("eng");
    HttpResponse<String> r =
        decide(s, "decision=approve&proposal=P-eva&note=" + "A".repeat(10 * 1024 * 1024));
    assertEquals(413, r.statusCode(), r.body());
    assertTrue(r.body().contains("larger than"), r.body());
    assertTrue(ledger().isEmpty());
  }

  @Test
  void aFormThatIsNotUtf8IsRefusedAndChangesNothing() throws Exception {
    Session s = signIn("eng");
    HttpResponse<String> encoded = decide(s, "decision=approve&proposal=P-eva&note=caf%E9");
    assertEquals(400, encoded.statusCode(), encoded.body());
    assertTrue(encoded.body().contains("not UTF-8"), encoded.body());

    byte[] raw =
        ("csrf=" + s.csrf() + "&decision=approve&proposal=P-eva&note=caf")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] withLatin1 = java.util.Arrays.copyOf(raw, raw.length + 1);
    withLatin1[raw.length] = (byte) 0xE9;
    HttpResponse<String> bytes = post(s.cookie(), "/runs/" + RUN + "/decide", withLatin1);
    assertEquals(400, bytes.statusCode(), bytes.body());

    HttpResponse<String> declared =
        decide(
            s,
            "decision=approve&proposal=P-eva",
            "Content-Type",
            "application/x-www-form-urlencoded; charset=ISO-8859-1");
    assertEquals(415, declared.statusCode(), declared.body());
    assertTrue(ledger().isEmpty());
  }

  @Test
  void aFormGivingBothApproveAndRejectDecidesNothing() throws Exception {
    Session s = signIn("eng");
    HttpResponse<String> r =
        decide(s, "decision=reject&decision=approve&proposal=P-eva&proposal=P-eva");
    assertEquals(303, r.statusCode(), r.body());
    assertTrue(outcome(s).contains("more than one decision; nothing changed"), outcome(s));
    assertTrue(ledger().isEmpty());

    decide(s, "decision=approve&proposal=P-eva&introduction=Hi&introduction=Hello");
    assertTrue(outcome(s).contains("more than one introduction"), outcome(s));
    assertTrue(ledger().isEmpty());
  }

  @Test
  void theCsrfTokenMustBeGivenOnce() throws Exception {
    Session s = signIn("eng");
    HttpResponse<String> r =
        decide(s, "csrf=" + s.csrf() + "&decision=approve&proposal=P-eva"); // twice in all
    assertEquals(403, r.statusCode(), r.body());
    assertTrue(ledger().isEmpty());
  }

  @Test
  void aFormFromAnotherSiteIsRefusedEvenWithTheCookieAndToken() throws Exception {
    Session s = signIn("eng");
    for (String[] headers :
        List.of(
            new String[] {"Origin", "http://evil.example"},
            // a page opened from a file (report.html, say)
            new String[] {"Origin", "null", "Sec-Fetch-Site", "cross-site"},
            // another port of this machine is the same site to a browser: the cookie goes along
            new String[] {"Origin", "http://127.0.0.1:9", "Sec-Fetch-Site", "same-site"},
            new String[] {"Sec-Fetch-Site", "cross-site"})) {
      HttpResponse<String> r = decide(s, "decision=approve&proposal=P-eva", headers);
      assertEquals(403, r.statusCode(), String.join(" ", headers) + ": " + r.body());
      assertTrue(r.body().contains("another site"), r.body());
    }
    assertTrue(ledger().isEmpty());

    // What Chromium sends from the console's own page: under Referrer-Policy: no-referrer the
    // origin is "null", and Sec-Fetch-Site says it is the same origin.
    HttpResponse<String> own =
        decide(
            s,
            "decision=approve&proposal=P-eva",
            "Origin",
            "null",
            "Sec-Fetch-Site",
            "same-origin");
    assertEquals(303, own.statusCode(), own.body());
    assertEquals(1, ledger().size());
    String self = "http://" + console.address().getAuthority();
    decide(s, "decision=reject&proposal=P-ana", "Origin", self);
    assertEquals(2, ledger().size());
    assertEquals(
        "P-eva",
        new DecisionStore(files, Home.at(home.root.toString()))
            .outbox(RunId.of(RUN))
            .get(0)
            .getProposalId());
  }

  @Test
  void aRunWhoseProposalsAreALinkSaysSoAndCannotBeDecided() throws Exception {
    java.nio.file.Path run = home.root.resolve("runs").resolve("2026-11-22");
    java.nio.file.Files.createDirectories(run);
    java.nio.file.Files.writeString(run.resolve(Home.SUCCESS), "");
    java.nio.file.Files.createSymbolicLink(
        run.resolve("proposals"), home.root.resolve("runs").resolve(RUN).resolve("proposals"));
    Session s = signIn("eng");

    HttpResponse<String> page = get(s.cookie(), "/runs/2026-11-22/proposals");
    assertEquals(500, page.statusCode(), page.body());
    assertTrue(page.body().contains("is a symbolic link"), page.body());

    HttpResponse<String> r =
        post(
            s.cookie(),
            "/runs/2026-11-22/decide",
            ("csrf=" + s.csrf() + "&decision=approve&proposal=P-eva")
                .getBytes(StandardCharsets.US_ASCII));
    assertEquals(500, r.statusCode(), r.body());
    assertTrue(ledger().isEmpty());
  }

  @Test
  void whatADecisionRecoversAfterACrashIsLogged() throws Exception {
    // What a console killed while writing leaves: a hidden, uncommitted ledger file.
    java.nio.file.Path ledger = home.root.resolve("ledger");
    java.nio.file.Files.createDirectories(ledger);
    java.nio.file.Path debris =
        ledger.resolve(".decisions-20261123T090000000Z-0badf00d.avro.pending");
    java.nio.file.Files.write(debris, new byte[0]);
    java.io.StringWriter log = new java.io.StringWriter();
    org.apache.logging.log4j.core.LoggerContext context =
        (org.apache.logging.log4j.core.LoggerContext)
            org.apache.logging.log4j.LogManager.getContext(false);
    org.apache.logging.log4j.core.appender.WriterAppender appender =
        org.apache.logging.log4j.core.appender.WriterAppender.newBuilder()
            .setName("hostile-it")
            .setTarget(log)
            .setLayout(
                org.apache.logging.log4j.core.layout.PatternLayout.newBuilder()
                    .withPattern("%p %c{1}: %m%n")
                    .build())
            .build();
    appender.start();
    org.apache.logging.log4j.core.config.LoggerConfig logger =
        context.getConfiguration().getLoggerConfig("org.mentormatch.console");
    logger.addAppender(appender, null, null);
    context.updateLoggers();
    try {
      Session s = signIn("eng");
      decide(s, "decision=approve&proposal=P-eva");
    } finally {
      logger.removeAppender("hostile-it");
      context.updateLoggers();
      appender.stop();
    }
    assertTrue(!java.nio.file.Files.exists(debris), "the debris is still there");
    assertEquals(1, ledger().size());
    assertTrue(
        log.toString()
            .contains(
                "recovered: removed uncommitted decisions"
                    + " (.decisions-20261123T090000000Z-0badf00d.avro.pending)"),
        log.toString());
  }
}
