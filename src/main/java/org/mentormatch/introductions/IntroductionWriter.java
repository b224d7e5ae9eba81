package org.mentormatch.introductions;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mentormatch.scoring.PairScorer;

/**
 * Writes the personal draft introduction of a proposed pair from a Mustache template, and turns a
 * draft into the text that is sent once a named coordinator has approved it.
 *
 * <p>Every draft ends with {@link #PENDING_NOTICE}: the pair was suggested by software and a
 * coordinator will confirm it. On approval the text sent ends with {@link #confirmedNotice} as its
 * last paragraph, whatever the coordinator's edit did with the notice, so no sent introduction
 * lacks it or hides it.
 */
public final class IntroductionWriter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String TEMPLATE_PATH = "/templates/introduction.mustache";

  /** The closing paragraph of every draft. */
  public static final String PENDING_NOTICE =
      "This introduction was suggested by mentor-match, our matching software, from what you both"
          + " wrote in your profiles. A programme coordinator reviews every suggestion before it is"
          + " sent.";

  /** What the introduction says about a pair. */
  public record Facts(
      String menteeName, String mentorName, List<PairScorer.Match> matches, int sharedHours)
      implements Serializable {}

  /** The closing paragraph of an introduction approved by {@code coordinatorName}. */
  public static String confirmedNotice(String coordinatorName) {
    return "This introduction was suggested by mentor-match, our matching software, and confirmed"
        + " by "
        + coordinatorName
        + ", programme coordinator.";
  }

  /**
   * The text sent after approval by {@code coordinatorName}: {@code draft} (perhaps edited by the
   * coordinator) ending with the confirmation as its last paragraph.
   *
   * <p>The pending notice, and any confirmation already in the text, are taken out wherever they
   * stand and the confirmation is put last, so a P.S. added after the notice cannot bury the
   * disclosure and an edit cannot claim another coordinator confirmed it.
   */
  public static String confirmed(String draft, String coordinatorName) {
    String text = draft.replace("\r\n", "\n").replace('\r', '\n');
    text = PENDING.matcher(text).replaceAll("");
    text = CONFIRMATION.matcher(text).replaceAll("");
    // A line of nothing visible (spaces of any kind, zero-width characters) is a blank line, so
    // rows of them cannot push the confirmation out of sight.
    text = INVISIBLE_LINE.matcher(text).replaceAll("");
    text = text.replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    return text.isEmpty()
        ? confirmedNotice(coordinatorName)
        : text + "\n\n" + confirmedNotice(coordinatorName);
  }

  /**
   * A confirmation sentence naming any coordinator, as {@link #confirmedNotice} writes it, in any
   * case and with any spaces or line breaks between its words: an edit that rewraps it still cannot
   * claim another coordinator confirmed it.
   */
  private static final Pattern CONFIRMATION =
      Pattern.compile(
          loose(
                  "This introduction was suggested by mentor-match, our matching software, and"
                      + " confirmed by")
              + "[\\s\\S]{1,300}?"
              + loose(", programme coordinator."),
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The pending notice, however its words are spaced or wrapped. */
  private static final Pattern PENDING =
      Pattern.compile(loose(PENDING_NOTICE), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A line holding only spaces of any kind and invisible format characters. */
  private static final Pattern INVISIBLE_LINE = Pattern.compile("(?m)^[\\p{Z}\\p{Cf}\\t ]+$");

  /** {@code sentence} as a pattern in which any run of blanks matches any run of blanks. */
  private static String loose(String sentence) {
    StringBuilder p = new StringBuilder();
    for (String word : sentence.strip().split(" +")) {
      p.append(p.length() == 0 ? "" : "[\\s\\p{Z}\\p{Cf}]+").append(Pattern.quote(word));
    }
    return p.toString();
  }

  /** The subject line for the pair. */
  public String subject(Facts f) {
    return "Mentoring introduction: "
        + firstName(f.menteeName())
        + " and "
        + firstName(f.mentorName());
  }

  /** The draft body for the pair. */
  public String body(Facts f) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("menteeFirst", firstName(f.menteeName()));
    model.put("mentorFirst", firstName(f.mentorName()));
    List<Map<String, String>> matches = new ArrayList<>();
    for (PairScorer.Match m : f.matches()) {
      matches.add(Map.of("goal", m.goal(), "skill", m.skill()));
    }
    model.put("matches", matches);
    model.put("hasMatches", !matches.isEmpty());
    model.put("sharedHours", f.sharedHours() > 0 ? f.sharedHours() : false);
    model.put("notice", PENDING_NOTICE);
    return template().execute(model).strip() + "\n";
  }

  /** The first word of a name; the whole name when it has one word. */
  static String firstName(String name) {
    String n = name.strip();
    int space = n.indexOf(' ');
    return space > 0 ? n.substring(0, space) : n;
  }

  private static Template template() {
    return Compiled.TEMPLATE;
  }

  /**
   * The template, read and compiled once a JVM: a night writes one draft a proposal, and reading
   * the resource each time was a sixth of the explain stage. jmustache's templates are safe to
   * share between threads.
   */
  private static final class Compiled {
    static final Template TEMPLATE = compile();

    private static Template compile() {
      try (InputStream in = IntroductionWriter.class.getResourceAsStream(TEMPLATE_PATH)) {
        if (in == null) {
          throw new IllegalStateException("template " + TEMPLATE_PATH + " is missing from the jar");
        }
        // Plain text for e-mail: no HTML escaping; a missing value is a bug, not a blank.
        return Mustache.compiler()
            .escapeHTML(false)
            .strictSections(false)
            .compile(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
