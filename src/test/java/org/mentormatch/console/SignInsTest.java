package org.mentormatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentormatch.RunId;

/** Sign-in secrets, sessions and the console's own redirects. */
class SignInsTest {
  /** A clock the test moves. */
  private static final class Moving extends Clock {
    Instant now = Instant.parse("2026-11-23T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aSecretSignsItsCoordinatorInOnceAndOnlyThem() {
    SignIns s = new SignIns(Clock.systemUTC());
    Map<String, String> secrets = s.issue(List.of("eng", "all"));
    assertNotEquals(secrets.get("eng"), secrets.get("all"));
    assertTrue(secrets.get("eng").length() >= 43, "256 bits, base64url");
    SignIns.Session session = s.signIn(secrets.get("eng")).orElseThrow();
    assertEquals("eng", session.coordinatorId);
    assertTrue(s.signIn(secrets.get("eng")).isEmpty(), "spent");
    assertTrue(s.signIn("").isEmpty());
    assertTrue(s.signIn(null).isEmpty());
    assertTrue(s.session(session.id).isPresent());
    assertTrue(session.csrfMatches(session.csrf));
    assertFalse(session.csrfMatches(session.csrf + "x"));
    assertFalse(session.csrfMatches(null));
    s.signOut(session.id);
    assertTrue(s.session(session.id).isEmpty());
  }

  @Test
  void sessionsEndWhenIdleAndAfterTheirLifetime() {
    Moving clock = new Moving();
    SignIns s = new SignIns(clock);
    String secret = s.issue(List.of("eng")).get("eng");
    SignIns.Session session = s.signIn(secret).orElseThrow();
    for (int i = 0; i < 6; i++) { // used every 110 minutes: never idle, until the lifetime ends
      clock.now = clock.now.plus(Duration.ofMinutes(110));
      assertTrue(s.session(session.id).isPresent(), "after " + (i + 1) * 110 + " minutes");
    }
    clock.now = clock.now.plus(Duration.ofMinutes(110)); // 12 h 50 min after sign-in
    assertTrue(s.session(session.id).isEmpty());

    SignIns.Session idle = s.signIn(s.issue(List.of("eng")).get("eng")).orElseThrow();
    clock.now = clock.now.plus(SignIns.IDLE).plusSeconds(1);
    assertTrue(s.session(idle.id).isEmpty());
  }

  @Test
  void afterADecisionTheConsoleOnlyGoesBackToAPageOfTheSameRun() {
    RunId run = RunId.of("2026-11-21");
    String list = "/runs/2026-11-21/proposals";
    assertEquals(list, ReviewConsole.back(run, null));
    assertEquals(list, ReviewConsole.back(run, "https://evil.example/"));
    assertEquals(list, ReviewConsole.back(run, "//evil.example/runs/2026-11-21/proposals"));
    assertEquals(list, ReviewConsole.back(run, "/runs/2026-11-20/proposals/P-1"));
    assertEquals(list + "/P-1", ReviewConsole.back(run, list + "/P-1"));
    assertEquals(list, ReviewConsole.back(run, list + "/P-1/../../x"));
    assertEquals(
        list + "?department=R%26D&state=all",
        ReviewConsole.back(run, list + "?department=R%26D&evil=1&state=all"));
  }
}
