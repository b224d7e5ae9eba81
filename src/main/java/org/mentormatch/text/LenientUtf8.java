package org.mentormatch.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 without ever inventing a replacement character: each byte that is not part of valid
 * UTF-8 becomes the lone surrogate {@code U+DC80 + byte} (as Python's "surrogateescape").
 *
 * <p>Valid UTF-8 never decodes to a lone surrogate, so a surrogate in the text marks exactly where
 * a bad byte was and which byte it was. Ingest rejects any record holding one, naming line and
 * byte, so a Latin-1 "Benoît" is reported instead of sent as "Beno\uFFFDt".
 */
public final class LenientUtf8 {
  private static final int ESCAPE_BASE = 0xDC00;

  private LenientUtf8() {}

  /** The text of the first {@code length} bytes of {@code bytes}, bad bytes escaped. */
  public static String decode(byte[] bytes, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length + 1);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      if (r.isError()) {
        for (int i = 0; i < r.length(); i++) {
          out.put((char) (ESCAPE_BASE | (in.get() & 0xFF)));
        }
      } else {
        throw new IllegalStateException("UTF-8 text is never longer in chars than in bytes");
      }
    }
    out.flip();
    return out.toString();
  }

  /**
   * Whether the char at {@code i} of {@code text} stands for a byte that was not UTF-8: a low
   * surrogate in U+DC80-U+DCFF that is not the second half of a pair.
   */
  public static boolean isEscapedByte(String text, int i) {
    char c = text.charAt(i);
    return c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }

  /** The byte that {@code c} (an escaped byte) stands for. */
  public static int escapedByte(char c) {
    return c & 0xFF;
  }

  /** The position of the first escaped byte in {@code text}, or -1. */
  public static int firstEscapedByte(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isEscapedByte(text, i)) {
        return i;
      }
    }
    return -1;
  }
}
