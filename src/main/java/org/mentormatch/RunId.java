package org.mentormatch;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a run: a plain name that every command and every reader of a home checks the same
 * way, so it can never become a path.
 *
 * <p>1-64 characters of letters, digits, {@code .}, {@code _} and {@code -}, not starting with
 * {@code .} or {@code _} (Hadoop treats such names as hidden, and the home keeps its own drafts
 * under them). Everything that builds a path from a run id takes this type, so the check cannot be
 * skipped: {@code ../runs/x}, {@code /tmp/x}, {@code a:b} and {@code _x} never name a run.
 */
public record RunId(String value) implements Comparable<RunId> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-][A-Za-z0-9._-]{0,63}");

  /** The rule, as every message states it. */
  public static final String RULE =
      "1-64 characters of A-Z a-z 0-9 . _ - (a plain name, not a path), not starting with '.' or"
          + " '_'";

  /**
   * @throws UserError if {@code value} is not a valid run id
   */
  public RunId {
    if (!isValid(value)) {
      throw new UserError(
          "the run id '"
              + printable(value)
              + "' is not valid: a run id is "
              + RULE
              + ", such as 2026-11-21: jobs/match.sh names a new run by it (today's date when not"
              + " given), and the other commands find that run by the same name.");
    }
  }

  /** The run id {@code text}, as given to a command's {@code --run-id}. */
  public static RunId of(String text) {
    return new RunId(text);
  }

  /** The run id a directory or file name spells, if it spells one; else empty. */
  public static Optional<RunId> ofName(String name) {
    return isValid(name) ? Optional.of(new RunId(name)) : Optional.empty();
  }

  /** Whether {@code text} is a valid run id. */
  public static boolean isValid(String text) {
    return text != null && NAME.matcher(text).matches();
  }

  @Override
  public int compareTo(RunId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * At most 80 characters of {@code text}, safe to print on one line: every control, format,
   * separator or lone surrogate character shown as {@code <U+2028>}, a pair never cut in half.
   */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int end = Math.min(text.length(), 80);
    if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    for (int i = 0; i < end; ) {
      int c = text.codePointAt(i);
      int type = Character.getType(c);
      boolean hidden =
          type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR
              || type == Character.SURROGATE
              || type == Character.UNASSIGNED;
      if (hidden) {
        out.append(String.format(java.util.Locale.ROOT, "<U+%04X>", c));
      } else {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return end < text.length() ? out + "..." : out.toString();
  }
}
