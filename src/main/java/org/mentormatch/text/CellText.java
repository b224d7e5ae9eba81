package org.mentormatch.text;

import java.util.Locale;

/**
 * What characters a member's cell may hold, and how raw text is shown safely in a report.
 *
 * <p>Refused anywhere: a byte that is not UTF-8 (see {@link LenientUtf8}); control characters (C0,
 * DEL and C1), except line breaks and tabs inside goals and skills, where they separate phrases;
 * the replacement character U+FFFD, which only an earlier encoding error leaves; Unicode
 * noncharacters; and the bidirectional embedding, override and isolate controls (U+202A-U+202E,
 * U+2066-U+2069), which make a name display as something other than what it is. Such text would
 * otherwise reach a review sheet, a page or an introduction as garbage or as a disguise.
 */
public final class CellText {
  /** Longest name accepted, in characters. */
  public static final int MAX_NAME_CHARS = 200;

  /** Longest e-mail address accepted (RFC 5321's limit). */
  public static final int MAX_EMAIL_CHARS = 254;

  private CellText() {}

  /**
   * What is wrong with the characters of {@code cell}, or null when nothing is.
   *
   * @param multiline whether line breaks and tabs are allowed (goals and skills)
   */
  public static String problem(String cell, boolean multiline) {
    for (int i = 0; i < cell.length(); i++) {
      String what = problem(cell, i, multiline);
      if (what != null) {
        return what + " at character " + (i + 1);
      }
    }
    return null;
  }

  private static String problem(String text, int i, boolean multiline) {
    char c = text.charAt(i);
    if (LenientUtf8.isEscapedByte(text, i)) {
      return String.format(Locale.ROOT, "the byte 0x%02X, which is not UTF-8,", (int) c & 0xFF);
    }
    if ((c == '\n' || c == '\r' || c == '\t') && multiline) {
      return null;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return "the control character " + code(c);
    }
    if (c == '\uFFFD') {
      return "the replacement character U+FFFD (left by an earlier encoding error)";
    }
    if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
      return "the bidirectional control " + code(c) + ", which makes text display reordered,";
    }
    if ((c >= '\uFDD0' && c <= '\uFDEF') || c == '\uFFFE' || c == '\uFFFF') {
      return "the noncharacter " + code(c);
    }
    return null; // surrogate pairs are fine; a lone surrogate only ever is an escaped byte
  }

  /**
   * {@code raw} as it can be shown in a report: bytes that were not UTF-8 as {@code \xE9}, other
   * refused characters as {@code <U+0000>}, cut after {@code max} characters with the full length
   * said, so one huge or hostile row cannot swell a report.
   *
   * <p>Line breaks and tabs are kept, as a record's raw text may span lines; use {@link #inline} or
   * {@link #quoted} for text that sits inside a one-line message.
   */
  public static String printable(String raw, int max) {
    return cut(raw, max, false);
  }

  /**
   * {@code text} as it can sit inside a one-line message: as {@link #printable}, and also every
   * line break, tab, line or paragraph separator (U+2028, U+2029) and invisible format character
   * shown as {@code <U+2028>}, so a value can neither break a message's line nor hide in it.
   */
  public static String inline(String text, int max) {
    return cut(text, max, true);
  }

  /**
   * {@code value} in single quotes, as a message quotes what a cell holds: escaped as {@link
   * #inline} says, cut after {@code max} characters with an ellipsis and the full length.
   */
  public static String quoted(String value, int max) {
    String shown = escaped(value, max, true);
    return value.length() > max
        ? String.format(Locale.ROOT, "'%s...' (%,d characters in all)", shown, value.length())
        : "'" + shown + "'";
  }

  /** {@link #escaped}, with the full length said when the text was cut. */
  private static String cut(String text, int max, boolean oneLine) {
    String shown = escaped(text, max, oneLine);
    return text.length() > max
        ? shown + String.format(Locale.ROOT, " ... (%,d characters in all)", text.length())
        : shown;
  }

  /** The first {@code max} characters of {@code raw} with what must not show raw escaped. */
  private static String escaped(String raw, int max, boolean oneLine) {
    StringBuilder out = new StringBuilder(Math.min(raw.length(), max) + 40);
    int shown = Math.min(raw.length(), max);
    if (shown > 0 && shown < raw.length() && Character.isHighSurrogate(raw.charAt(shown - 1))) {
      shown--; // never cut a pair in half
    }
    for (int i = 0; i < shown; ) {
      int c = raw.codePointAt(i);
      if (LenientUtf8.isEscapedByte(raw, i)) {
        out.append(String.format(Locale.ROOT, "\\x%02X", c & 0xFF));
      } else if (problem(raw, i, !oneLine) != null || (oneLine && invisible(c))) {
        out.append('<').append(code(c)).append('>');
      } else {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /** Whether {@code c} separates lines or paragraphs, or formats text without showing. */
  private static boolean invisible(int c) {
    int type = Character.getType(c);
    return type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.FORMAT;
  }

  private static String code(int c) {
    return String.format(Locale.ROOT, "U+%04X", c);
  }
}
