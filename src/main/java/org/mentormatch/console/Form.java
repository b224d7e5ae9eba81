package org.mentormatch.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A posted form ({@code application/x-www-form-urlencoded}, UTF-8), read within fixed limits and in
 * time linear in its size.
 *
 * <p>Jetty's {@code FormFields} rebuilds a field's list of values on every value it adds, so a body
 * of a few hundred kilobytes repeating one name ({@code a=&a=&...}) kept a thread busy for minutes,
 * and forms are read before anyone has signed in. Here the body is refused past {@link #MAX_BYTES}
 * or {@link #MAX_VALUES} values, and when it is not UTF-8, with a status and a sentence the console
 * shows; a body of any other type is an empty form (so it carries no CSRF token and changes
 * nothing).
 */
final class Form {
  /**
   * Most bytes a form may have: a selection of {@link Decisions#MAX_SELECTED} proposal ids and an
   * introduction of {@link Decisions#MAX_INTRODUCTION} characters, percent-encoded, fit well within
   * it.
   */
  static final int MAX_BYTES = 1024 * 1024;

  /**
   * Most bytes of a refused body read and thrown away before answering. A client (Java's HTTP
   * client among them) that is still sending when the server answers and closes sees a reset
   * connection, not the 413 and its sentence; past this much the connection is closed anyway.
   */
  static final int DRAINED_AT_MOST = 32 * 1024 * 1024;

  /** Most values a form may hold: a whole selection, and the few other fields of the form. */
  static final int MAX_VALUES = Decisions.MAX_SELECTED + 100;

  private static final String URLENCODED = "application/x-www-form-urlencoded";

  /** A form the console will not read: the status to answer and what to tell the user. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private final Map<String, List<String>> fields;

  private Form(Map<String, List<String>> fields) {
    this.fields = fields;
  }

  /** An empty form. */
  static Form empty() {
    return new Form(Map.of());
  }

  /**
   * Reads the body of {@code request}.
   *
   * @throws Refused when it is too large, holds too many values, or is not UTF-8
   */
  static Form read(Request request) throws IOException, Refused {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null) {
      return empty();
    }
    String[] parts = type.split(";");
    if (!parts[0].strip().equalsIgnoreCase(URLENCODED)) {
      return empty();
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
        throw new Refused(
            415,
            "The form was not sent as UTF-8, so nothing was read from it and nothing changed.");
      }
    }
    long declared = request.getLength();
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (declared > MAX_BYTES) {
        drain(in);
        throw tooLarge();
      }
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        drain(in);
        throw tooLarge();
      }
      return parse(body);
    }
  }

  /** Reads and drops what is left of a refused body, up to {@link #DRAINED_AT_MOST} bytes. */
  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = DRAINED_AT_MOST;
    for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
      left -= n;
    }
  }

  /**
   * Parses an encoded form body.
   *
   * @throws Refused when it holds too many values or is not UTF-8
   */
  static Form parse(byte[] body) throws Refused {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    int values = 0;
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i < body.length && body[i] != '&') {
        continue;
      }
      if (i > start) {
        if (++values > MAX_VALUES) {
          throw new Refused(
              413,
              "The form holds more than "
                  + MAX_VALUES
                  + " values (at most "
                  + Decisions.MAX_SELECTED
                  + " proposals at once). Nothing was changed; decide fewer at a time.");
        }
        String pair = ascii(body, start, i);
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
      start = i + 1;
    }
    return new Form(fields);
  }

  /** The field's only value; null when the form does not have it, or has it more than once. */
  String one(String name) {
    List<String> v = fields.get(name);
    return v == null || v.size() != 1 ? null : v.get(0);
  }

  /** Every value of the field, in the order sent. */
  List<String> all(String name) {
    return List.copyOf(fields.getOrDefault(name, List.of()));
  }

  /** How many values the form gives the field. */
  int count(String name) {
    return fields.getOrDefault(name, List.of()).size();
  }

  private static String ascii(byte[] body, int from, int to) throws Refused {
    for (int i = from; i < to; i++) {
      if (body[i] < 0x20 || body[i] > 0x7e) {
        throw notUtf8(); // a browser percent-encodes every such byte
      }
    }
    return new String(body, from, to - from, StandardCharsets.US_ASCII);
  }

  private static String decode(String encoded) throws Refused {
    byte[] bytes;
    try {
      bytes =
          URLDecoder.decode(encoded, StandardCharsets.ISO_8859_1)
              .getBytes(StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      throw new Refused(400, "The form is not well formed. Nothing was changed.");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw notUtf8();
    }
  }

  private static Refused notUtf8() {
    return new Refused(
        400,
        "The form holds bytes that are not UTF-8 text, so nothing was read from it and nothing"
            + " changed. Send it again from the console's own page.");
  }

  private static Refused tooLarge() {
    return new Refused(
        413,
        "The form is larger than "
            + MAX_BYTES / 1024
            + " KB. Nothing was changed; an introduction may have at most "
            + Decisions.MAX_INTRODUCTION
            + " characters, and at most "
            + Decisions.MAX_SELECTED
            + " proposals can be decided at once.");
  }
}
