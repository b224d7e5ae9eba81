package org.mentormatch.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is signed in to the console: one-time sign-in secrets, exchanged for sessions.
 *
 * <p>Each coordinator gets a secret of 256 random bits when the console starts (printed as a
 * sign-in link by {@code jobs/review.sh}). The first use of a secret signs its coordinator in and
 * spends it: a copied link or browser history cannot sign anyone in again. The session is a second
 * random value, kept only in an HttpOnly, SameSite=Strict cookie and here; every change must also
 * carry the session's own CSRF token. Sessions end on sign-out, after {@link #IDLE} without a
 * request, or {@link #LIFETIME} after sign-in, and all of them when the console stops.
 */
final class SignIns {
  /** A session unused this long is ended. */
  static final Duration IDLE = Duration.ofHours(2);

  /** No session lasts longer than this. */
  static final Duration LIFETIME = Duration.ofHours(12);

  private static final int SECRET_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Map<String, String> unusedSecrets = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** A signed-in coordinator. */
  static final class Session {
    final String id;
    final String coordinatorId;
    final String csrf;
    final Instant started;
    volatile Instant lastSeen;
    volatile Object flash;

    private Session(String id, String coordinatorId, String csrf, Instant now) {
      this.id = id;
      this.coordinatorId = coordinatorId;
      this.csrf = csrf;
      this.started = now;
      this.lastSeen = now;
    }

    /** Whether {@code token} is this session's CSRF token (compared in constant time). */
    boolean csrfMatches(String token) {
      return token != null && MessageDigest.isEqual(bytes(csrf), bytes(token));
    }

    /** Takes the message left for the next page, once. */
    Object takeFlash() {
      Object f = flash;
      flash = null;
      return f;
    }
  }

  SignIns(Clock clock) {
    this.clock = clock;
  }

  /** A fresh one-time secret for each coordinator, by coordinator id, in the order given. */
  synchronized Map<String, String> issue(Iterable<String> coordinatorIds) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : coordinatorIds) {
      String secret = randomToken();
      unusedSecrets.put(secret, id);
      out.put(id, secret);
    }
    return out;
  }

  /** Spends {@code secret} and starts its coordinator's session; empty when it is not valid. */
  Optional<Session> signIn(String secret) {
    if (secret == null || secret.isEmpty()) {
      return Optional.empty();
    }
    String coordinator = unusedSecrets.remove(secret);
    if (coordinator == null) {
      return Optional.empty();
    }
    Session s = new Session(randomToken(), coordinator, randomToken(), clock.instant());
    sessions.put(s.id, s);
    return Optional.of(s);
  }

  /** The live session {@code id}, marked as used now; empty when unknown or ended. */
  Optional<Session> session(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (now.isAfter(s.lastSeen.plus(IDLE)) || now.isAfter(s.started.plus(LIFETIME))) {
      sessions.remove(id);
      return Optional.empty();
    }
    s.lastSeen = now;
    return Optional.of(s);
  }

  /** Ends the session {@code id}. */
  void signOut(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private String randomToken() {
    byte[] b = new byte[SECRET_BYTES];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
