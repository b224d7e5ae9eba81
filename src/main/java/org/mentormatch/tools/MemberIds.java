package org.mentormatch.tools;

/** Member ids by row: {@code m} and the row number from 1, zero-padded to a fixed width. */
record MemberIds(int width) {

  /** Ids wide enough for every row, and never fewer than five digits ({@code m00001}). */
  static MemberIds forRows(int rows) {
    return new MemberIds(Math.max(5, Integer.toString(rows).length()));
  }

  String of(int row) {
    String digits = Integer.toString(row + 1);
    StringBuilder b = new StringBuilder(width + 1).append('m');
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(digits).toString();
  }
}
