package org.mentormatch.features;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link QuantisedDot} with the Vector API: sixteen bytes at a time, widened to shorts (a product
 * of two bytes fits in a short), multiplied, widened to ints and summed. Loaded only when the
 * module is present.
 */
final class VectorDot {
  private VectorDot() {}

  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;
  private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_256;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;

  /** Whether this CPU's vectors hold the 256 bits this version works in. */
  static boolean fullWidth() {
    return IntVector.SPECIES_PREFERRED.vectorBitSize() >= INTS.vectorBitSize();
  }

  static long dot(byte[] a, byte[] b) {
    IntVector sum = IntVector.zero(INTS);
    int i = 0;
    // An int lane gains at most 2 * 128 * 128 per step: far from overflowing at any embedding size.
    for (int end = BYTES.loopBound(a.length); i < end; i += BYTES.length()) {
      ShortVector x =
          (ShortVector)
              ByteVector.fromArray(BYTES, a, i).convertShape(VectorOperators.B2S, SHORTS, 0);
      ShortVector y =
          (ShortVector)
              ByteVector.fromArray(BYTES, b, i).convertShape(VectorOperators.B2S, SHORTS, 0);
      ShortVector product = x.mul(y);
      sum =
          sum.add((IntVector) product.convertShape(VectorOperators.S2I, INTS, 0))
              .add((IntVector) product.convertShape(VectorOperators.S2I, INTS, 1));
    }
    long total = sum.reduceLanesToLong(VectorOperators.ADD);
    for (; i < a.length; i++) {
      total += a[i] * b[i];
    }
    return total;
  }
}
