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
import org.mentormatch.scoring.PairScorer;

/**
 * Writes the personal draft introduction of a proposed pair from a Mustache template, and turns a
 * draft into the text that is sent once a named coordinator has approved it.
 *
 * <p>Every draft ends with {@link #PENDING_NOTICE}: the pair was suggested by software and a
 * coordinator will confirm it. On approval that notice is replaced by {@link #confirmedNotice}; if
 * a coordinator's edit removed it, the confirmation is appended, so no sent introduction lacks it.
 */
public final class IntroductionWriter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String TEMPLATE = "/templates/introduction.mustache";

  /** The closing paragraph of every draft. */
  public static final String PENDING_NOTICE =
      "This introduction was suggested by mentor-match, our matching software, from what you both"
          + " wrote in your profiles. A programme coordinator reviews every suggestion before it is"
          + " sent.";

  private transient Template template;

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
   * The text sent after approval by {@code coordinatorName}: {@code draft} with its notice
   * confirmed.
   */
  public static String confirmed(String draft, String coordinatorName) {
    String text = draft.strip();
    if (text.contains(PENDING_NOTICE)) {
      return text.replace(PENDING_NOTICE, confirmedNotice(coordinatorName));
    }
    return text + "\n\n" + confirmedNotice(coordinatorName);
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

  private Template template() {
    if (template == null) {
      try (InputStream in = IntroductionWriter.class.getResourceAsStream(TEMPLATE)) {
        if (in == null) {
          throw new IllegalStateException("template " + TEMPLATE + " is missing from the jar");
        }
        // Plain text for e-mail: no HTML escaping; a missing value is a bug, not a blank.
        template =
            Mustache.compiler()
                .escapeHTML(false)
                .strictSections(false)
                .compile(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return template;
  }
}
