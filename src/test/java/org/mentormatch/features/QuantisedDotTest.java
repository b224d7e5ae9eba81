package org.mentormatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector dot product is the plain loop's integer, at every length and at the byte extremes. */
class QuantisedDotTest {
  @Test
  void theTestJvmUsesTheVectorVersionWhereTheCpuHasIt() {
    // The tests run with Spark's JVM flags, which add the module: this is the path CI exercises.
    assumeTrue(VectorDot.fullWidth(), "this CPU has no 256-bit vectors: the plain loop runs");
    assertTrue(QuantisedDot.vectorised(), "jdk.incubator.vector is not in use");
  }

  @Test
  void equalsThePlainLoopOnRandomVectorsOfEveryLength() {
    SplittableRandom random = new SplittableRandom(7);
    for (int length = 0; length <= 400; length++) {
      byte[] a = new byte[length];
      byte[] b = new byte[length];
      for (int i = 0; i < length; i++) {
        a[i] = (byte) random.nextInt(256);
        b[i] = (byte) random.nextInt(256);
      }
      assertEquals(QuantisedDot.plain(a, b), QuantisedDot.dot(a, b), "length " + length);
    }
  }

  @Test
  void extremesDoNotOverflow() {
    byte[] low = new byte[384];
    byte[] high = new byte[384];
    java.util.Arrays.fill(low, Byte.MIN_VALUE);
    java.util.Arrays.fill(high, Byte.MAX_VALUE);
    assertEquals(384L * 128 * 128, QuantisedDot.dot(low, low));
    assertEquals(-384L * 128 * 127, QuantisedDot.dot(low, high));
    assertEquals(384L * 127 * 127, QuantisedDot.dot(high, high));
  }

  @Test
  void theCosineWithKnownLengthsIsTheSameDouble() {
    SplittableRandom random = new SplittableRandom(11);
    for (int n = 0; n < 200; n++) {
      byte[] a = new byte[384];
      byte[] b = new byte[384];
      for (int i = 0; i < a.length; i++) {
        a[i] = (byte) random.nextInt(256);
        b[i] = (byte) random.nextInt(256);
      }
      assertEquals(
          PhraseEmbedder.cosine(a, b),
          PhraseEmbedder.cosine(a, QuantisedDot.plain(a, a), b, QuantisedDot.plain(b, b)));
    }
  }
}
