package org.mentormatch.text;

/**
 * Whether an RFC 4180 quoted field is still open at the end of a physical line.
 *
 * <p>A quote opens a quoted field only at the start of a field; inside one, {@code ""} is an
 * escaped quote. A stray quote in the middle of an unquoted field is plain text, as Commons CSV
 * reads it, so one bad cell cannot swallow the lines after it.
 */
final class CsvQuoteState {
  private CsvQuoteState() {}

  /** Whether a quoted field is open after {@code line}, given whether one was open before it. */
  static boolean openAfter(String line, boolean openBefore) {
    final int fieldStart = 0;
    final int unquoted = 1;
    final int quoted = 2;
    final int quoteInQuoted = 3;
    int state = openBefore ? quoted : fieldStart;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (state) {
        case fieldStart -> state = c == '"' ? quoted : c == ',' ? fieldStart : unquoted;
        case unquoted -> state = c == ',' ? fieldStart : unquoted;
        case quoted -> state = c == '"' ? quoteInQuoted : quoted;
        default -> state = c == '"' ? quoted : c == ',' ? fieldStart : unquoted;
      }
    }
    return state == quoted;
  }
}
