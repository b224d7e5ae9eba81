package org.mentormatch.features;

/**
 * The exact integer dot product of two quantised embeddings, with the JVM's vector instructions
 * where the Vector API is present (Spark's launcher adds {@code jdk.incubator.vector}) and a plain
 * loop where it is not. Both sum the same integers exactly, so they give the same number: which one
 * ran can never reach a similarity, an order or a file.
 */
final class QuantisedDot {
  private QuantisedDot() {}

  private static final boolean VECTOR =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorWorks.check();

  /** Whether this JVM uses the vector instructions. */
  static boolean vectorised() {
    return VECTOR;
  }

  /** The sum of {@code a[i] * b[i]}; the arrays have the same length. */
  static long dot(byte[] a, byte[] b) {
    return VECTOR ? VectorDot.dot(a, b) : plain(a, b);
  }

  /** The plain loop, the reference the vector version must equal. */
  static long plain(byte[] a, byte[] b) {
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /**
   * A probe run once: the vector version is used only if it loads, the CPU has 256-bit vectors (on
   * narrower ones the API emulates them, slower than the loop), and it agrees with the loop.
   */
  private static final class VectorWorks {
    static boolean check() {
      try {
        if (!VectorDot.fullWidth()) {
          return false;
        }
        byte[] a = new byte[37];
        byte[] b = new byte[37];
        for (int i = 0; i < a.length; i++) {
          a[i] = (byte) (i * 7 - 128);
          b[i] = (byte) (127 - i * 5);
        }
        return VectorDot.dot(a, b) == plain(a, b);
      } catch (LinkageError e) {
        return false;
      }
    }
  }
}
