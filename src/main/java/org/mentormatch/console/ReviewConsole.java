package org.mentormatch.console;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.mentormatch.RunId;
import org.mentormatch.UserError;
import org.mentormatch.approval.ApprovalGate;
import org.mentormatch.decisions.AlternativeChoice;
import org.mentormatch.decisions.Coordinators;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's review console: a small web server over a programme's home.
 *
 * <p>It listens on loopback unless given another address. Before a coordinator signs in (see {@link
 * SignIns}) it answers every path with the sign-in page and changes nothing. After, every page
 * lists only proposals whose mentee's department the coordinator's scope covers, and every change
 * needs the session's CSRF token and goes through {@link Decisions}, which decides exactly as
 * {@code jobs/decide.sh} does. Every response forbids scripts and styles other than the console's
 * own files ({@code Content-Security-Policy}), framing and referrers. Logs carry coordinator ids
 * and counts, never a member's name or e-mail.
 */
public final class ReviewConsole implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewConsole.class);

  static final String COOKIE = "mm_session";

  /** Sent with every response: only the console's own script and style, no framing. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src"
          + " 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private static final Pattern PROPOSAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * What the console serves.
   *
   * @param home the programme's home
   * @param runId the run shown first, or null for the newest complete run
   * @param bind the address to listen on
   * @param port the port, 0 for any free one
   */
  public record Options(String home, RunId runId, String bind, int port) {}

  private final FileStore files;
  private final Home home;
  private final Clock clock;
  private final RunId firstRun;
  private final SignIns signIns;
  private final Decisions decisions;
  private final Server server;
  private final boolean loopback;
  private URI address;
  private Map<String, String> secrets = Map.of();

  private ReviewConsole(FileStore files, Home home, Clock clock, RunId firstRun, Options o)
      throws IOException {
    this.files = files;
    this.home = home;
    this.clock = clock;
    this.firstRun = firstRun;
    this.signIns = new SignIns(clock);
    this.decisions = new Decisions(files, home, clock);
    InetAddress address = InetAddress.getByName(o.bind());
    this.loopback = address.isLoopbackAddress();
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("review-console");
    this.server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    ServerConnector http = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    http.setHost(o.bind());
    http.setPort(o.port());
    server.addConnector(http);
    server.setHandler(new Routes());
  }

  /**
   * Checks the home and starts the console.
   *
   * @throws UserError when the home, its coordinators or the run are not there
   */
  public static ReviewConsole start(FileStore files, Options o, Clock clock) throws Exception {
    Home home = Home.at(o.home());
    if (!files.exists(home.root())) {
      throw new UserError(
          "there is no programme home at "
              + home.root()
              + "; pass the --home that jobs/match.sh wrote its runs to.");
    }
    Coordinators coordinators = ApprovalGate.coordinators(files, home);
    RunId run = o.runId();
    if (run != null) {
      if (RunView.run(files, home, run.value()).isEmpty()) {
        throw new UserError(
            "there is no complete run '"
                + run
                + "' under "
                + home.runs()
                + "; pass the --run-id of a run jobs/match.sh wrote there.");
      }
    } else {
      List<RunId> runs = RunView.completeRuns(files, home);
      if (runs.isEmpty()) {
        throw new UserError(
            "there is no complete run under " + home.runs() + " yet; run jobs/match.sh first.");
      }
      run = runs.get(0);
    }
    ReviewConsole console = new ReviewConsole(files, home, clock, run, o);
    try {
      console.server.start();
    } catch (IOException e) {
      console.close();
      // Jetty wraps the socket's BindException: the port is taken or the address is not ours.
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof java.net.BindException) {
          throw new UserError(
              "cannot listen on "
                  + o.bind()
                  + " port "
                  + o.port()
                  + " ("
                  + c.getMessage()
                  + "). Pass another --port (0 picks a free one), or a --bind address of this"
                  + " machine.");
        }
      }
      throw e;
    }
    ServerConnector c = (ServerConnector) console.server.getConnectors()[0];
    String host = o.bind().contains(":") ? "[" + o.bind() + "]" : o.bind();
    console.address = URI.create("http://" + host + ":" + c.getLocalPort() + "/");
    console.secrets =
        console.signIns.issue(
            coordinators.all().stream().map(Coordinators.Coordinator::id)::iterator);
    LOG.info(
        "review console for run {} listening on {} ({} coordinator(s) may sign in)",
        run,
        console.address,
        console.secrets.size());
    return console;
  }

  /** Where the console listens, e.g. {@code http://127.0.0.1:8080/}. */
  public URI address() {
    return address;
  }

  /** The run shown first. */
  public RunId firstRun() {
    return firstRun;
  }

  /** Each coordinator's one-time sign-in link, by coordinator id, in the file's order. */
  public Map<String, URI> signInLinks() {
    Map<String, URI> out = new LinkedHashMap<>();
    secrets.forEach((id, secret) -> out.put(id, address.resolve("signin?token=" + secret)));
    return out;
  }

  /** Blocks until the console is stopped. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops the console; every session ends. */
  @Override
  public void close() throws IOException {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IOException("the review console did not stop cleanly", e);
    }
  }

  /** What a request gets back. */
  record Reply(int status, String contentType, byte[] body, String location, HttpCookie cookie) {
    static Reply html(int status, String html) {
      return new Reply(
          status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null, null);
    }

    static Reply redirect(String location) {
      return new Reply(303, null, new byte[0], location, null);
    }

    Reply with(HttpCookie c) {
      return new Reply(status, contentType, body, location, c);
    }
  }

  /** The one Jetty handler: security headers, then the route. */
  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Reply reply;
      try {
        reply = route(request);
      } catch (UserError e) {
        // A state of the home a person must fix (a damaged ledger file, a linked run): the page
        // says what to do; the log keeps to the kind, as a message may quote a file's content.
        LOG.warn("review console: {} refused by the home's state (UserError)", request.getMethod());
        reply = message(500, "This cannot be shown or changed", e.getMessage());
      } catch (Exception | Error e) {
        // The type only: an exception's message may quote member data.
        LOG.warn("review console: {} on {}", e.getClass().getSimpleName(), request.getMethod());
        reply =
            message(
                500,
                "Something went wrong",
                "The console could not answer this request. Nothing was changed by it"
                    + " unless a page said so. Try again; if it persists, restart the"
                    + " console with MENTOR_MATCH_DEBUG=1 and report it.");
      }
      var headers = response.getHeaders();
      headers.put("Content-Security-Policy", CSP);
      headers.put("X-Content-Type-Options", "nosniff");
      headers.put("Referrer-Policy", "no-referrer");
      headers.put("X-Frame-Options", "DENY");
      headers.put("Cross-Origin-Opener-Policy", "same-origin");
      headers.put("Cache-Control", "no-store");
      if (reply.cookie() != null) {
        Response.addCookie(response, reply.cookie());
      }
      response.setStatus(reply.status());
      if (reply.location() != null) {
        headers.put(HttpHeader.LOCATION, reply.location());
      }
      if (reply.contentType() != null) {
        headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
      }
      response.write(true, ByteBuffer.wrap(reply.body()), callback);
      return true;
    }
  }

  private Reply route(Request request) throws Exception {
    String method = request.getMethod();
    String path = Request.getPathInContext(request);
    if (loopback && !hostAllowed(request)) {
      return message(421, "Wrong address", "Open the console at " + address + ".");
    }
    if (method.equals("GET") && path.startsWith("/static/")) {
      return staticFile(path.substring("/static/".length()));
    }
    boolean post = method.equals("POST");
    if (!post && !method.equals("GET")) {
      return message(405, "Not allowed", "");
    }
    if (post && !fromThisConsole(request)) {
      return message(
          403,
          "Refused",
          "This form was sent from another site or page, not from the console. Nothing"
              + " was changed. Open "
              + address
              + " and repeat the action there.");
    }
    Fields query = Request.extractQueryParameters(request);
    Form form;
    try {
      form = post ? Form.read(request) : Form.empty();
    } catch (Form.Refused e) {
      return message(e.status, "Refused", e.getMessage());
    }
    if (path.equals("/signin")) {
      String token = post ? form.one("token") : value(query, "token");
      return signIn(token, token != null);
    }
    Optional<SignIns.Session> session = signIns.session(cookie(request));
    if (session.isEmpty()) {
      return signInPage(401, null);
    }
    SignIns.Session s = session.get();
    Coordinators.Coordinator who;
    try {
      who =
          ApprovalGate.coordinators(files, home)
              .get(s.coordinatorId, home.coordinators().toString());
    } catch (UserError e) {
      // No longer a coordinator (or the file broke): nothing is shown until they sign in again.
      signIns.signOut(s.id);
      return signInPage(401, "You are no longer listed as a coordinator of this programme.");
    }
    if (post && !s.csrfMatches(form.one("csrf"))) {
      LOG.warn("review console: a change by {} without a valid CSRF token was refused", who.id());
      return message(
          403,
          "Refused",
          "This form has no valid security token (it may come from another site, or from"
              + " a page opened before you signed in again). Nothing was changed. Open"
              + " the page again and repeat the action.");
    }
    if (post && path.equals("/signout")) {
      signIns.signOut(s.id);
      return Reply.redirect("/signin").with(expiredCookie());
    }
    if (path.equals("/")) {
      return Reply.redirect("/runs/" + firstRun + "/proposals");
    }
    Screens screens = new Screens(files, home, who, s);
    if (!post && (path.equals("/runs") || path.equals("/runs/"))) {
      return Reply.html(200, screens.runs(RunView.completeRuns(files, home)));
    }
    String[] parts = path.split("/", -1);
    // parts: "", "runs", run, page[, id]
    if (parts.length < 4 || !parts[1].equals("runs")) {
      return notFound();
    }
    Optional<RunId> known = RunView.run(files, home, parts[2]);
    if (known.isEmpty()) {
      return notFound();
    }
    RunId run = known.get();
    LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    String page = parts[3];
    if (!post && parts.length == 4 && page.equals("proposals")) {
      return Reply.html(
          200, screens.proposals(RunView.read(files, home, run, who, today), query, s.takeFlash()));
    }
    if (!post && parts.length == 5 && page.equals("proposals")) {
      if (!PROPOSAL_ID.matcher(parts[4]).matches()) {
        return notFound();
      }
      RunView view = RunView.read(files, home, run, who, today);
      RunView.Item item = view.item(parts[4]);
      if (item == null) {
        return notFound();
      }
      return Reply.html(200, screens.proposal(view, item, s.takeFlash()));
    }
    if (!post && parts.length == 7 && page.equals("proposals") && parts[5].equals("with")) {
      if (!PROPOSAL_ID.matcher(parts[4]).matches() || !MEMBER_ID.matcher(parts[6]).matches()) {
        return notFound();
      }
      RunView view = RunView.read(files, home, run, who, today);
      RunView.Item item = view.item(parts[4]);
      if (item == null
          || AlternativeChoice.listed(item.proposal(), parts[6]) == null
          || !item.decidable()) {
        return notFound();
      }
      return Reply.html(200, screens.alternative(view, item, parts[6], today));
    }
    if (!post && parts.length == 4 && page.equals("unmatched")) {
      return Reply.html(200, screens.unmatched(run, RunReport.read(files, home, run)));
    }
    if (!post && parts.length == 4 && page.equals("fairness")) {
      return Reply.html(200, screens.fairness(run, RunReport.read(files, home, run)));
    }
    if (post && parts.length == 4 && page.equals("decide")) {
      RunView view = RunView.read(files, home, run, who, today);
      s.flash = decisions.decide(view, who, form);
      return Reply.redirect(back(run, form.one("back")));
    }
    return notFound();
  }

  private Reply signIn(String token, boolean tried) {
    Optional<SignIns.Session> s = signIns.signIn(token);
    if (s.isEmpty()) {
      return signInPage(
          401,
          tried
              ? "That sign-in link or code is not valid: each works once, and only until the"
                  + " console restarts. Ask whoever runs the console for a new one."
              : null);
    }
    LOG.info("review console: coordinator {} signed in", s.get().coordinatorId);
    return Reply.redirect("/")
        .with(
            HttpCookie.build(COOKIE, s.get().id)
                .path("/")
                .httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT)
                .build());
  }

  private static HttpCookie expiredCookie() {
    return HttpCookie.build(COOKIE, "")
        .path("/")
        .httpOnly(true)
        .sameSite(HttpCookie.SameSite.STRICT)
        .maxAge(0)
        .build();
  }

  private static Reply signInPage(int status, String problem) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("problem", problem == null ? false : problem);
    return Reply.html(status, Pages.render("signin", model));
  }

  /** A page saying {@code text} under {@code title}, with {@code status}. */
  private static Reply message(int status, String title, String text) {
    return Reply.html(status, Pages.render("message", Map.of("title", title, "text", text)));
  }

  private static Reply notFound() {
    return message(404, "Not found", "There is no such page, run or proposal within your scope.");
  }

  private static Reply staticFile(String name) {
    String type =
        switch (name) {
          case "console.css" -> "text/css; charset=utf-8";
          case "console.js" -> "text/javascript; charset=utf-8";
          default -> null;
        };
    byte[] body = type == null ? null : Pages.resource("/console/static/" + name);
    if (body == null) {
      return notFound();
    }
    return new Reply(200, type, body, null, null);
  }

  /** Where to go after a decision: a page of the same run, never anywhere else. */
  static String back(RunId run, String requested) {
    String base = "/runs/" + run + "/proposals";
    if (requested == null) {
      return base;
    }
    if (requested.startsWith(base + "/")) {
      String id = requested.substring(base.length() + 1);
      return PROPOSAL_ID.matcher(id).matches() ? requested : base;
    }
    if (requested.startsWith(base + "?")) {
      String q = requested.substring(base.length() + 1);
      // Only the list's own filters, re-encoded, so nothing else rides along.
      StringBuilder out = new StringBuilder();
      for (String pair : q.split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2 && Set.of("department", "min", "max", "state").contains(kv[0])) {
          String v = java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
          out.append(out.length() == 0 ? "?" : "&")
              .append(kv[0])
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
      }
      return base + out;
    }
    return base;
  }

  /**
   * Whether a posted form comes from the console's own pages, as far as the browser says: current
   * browsers say whether a request comes from the same origin ({@code Sec-Fetch-Site}) and name the
   * form's origin ({@code Origin}; {@code null} under the console's {@code Referrer-Policy:
   * no-referrer}). Another site, another port of this machine (the same site to a browser, so a
   * SameSite cookie goes along) and a page opened from a file are refused before the form is read;
   * the CSRF token still guards a client that says nothing.
   */
  private boolean fromThisConsole(Request request) {
    String site = request.getHeaders().get("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return false;
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin == null || origin.equals("null") || !loopback) {
      // Behind --bind a TLS proxy changes the scheme and host the browser sees.
      return true;
    }
    return origin.equals("http://" + request.getHeaders().get(HttpHeader.HOST));
  }

  private boolean hostAllowed(Request request) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null) {
      return false;
    }
    int port = address.getPort();
    return List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port).contains(host);
  }

  private static String cookie(Request request) {
    List<HttpCookie> cookies = Request.getCookies(request);
    if (cookies == null) {
      return null;
    }
    for (HttpCookie c : cookies) {
      if (c.getName().equals(COOKIE)) {
        return c.getValue();
      }
    }
    return null;
  }

  static String value(Fields fields, String name) {
    if (fields == null) {
      return null;
    }
    Fields.Field f = fields.get(name);
    return f == null ? null : f.getValue();
  }
}
