package org.mentormatch.features;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link QuantisedDot} with the Vector API: eight bytes at a time, widened to ints in one step,
 * multiplied and summed. (Widening sixteen bytes to shorts and then each half to ints needs a
 * shuffle the JIT did not always compile to one instruction: its index checks took a tenth of the
 * search at 100,000 members.) Loaded only when the module is present.
 */
final class VectorDot {
  private VectorDot() {}

  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_64;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;

  /** Whether this CPU's vectors hold the 256 bits this version works in. */
  static boolean fullWidth() {
    return IntVector.SPECIES_PREFERRED.vectorBitSize() >= INTS.vectorBitSize();
  }

  static long dot(byte[] a, byte[] b) {
    IntVector sum = IntVector.zero(INTS);
    int i = 0;
    // An int lane gains at most 128 * 128 per step: it would take about a million components to
    // overflow, and embeddings have hundreds.
    for (int end = BYTES.loopBound(a.length); i < end; i += BYTES.length()) {
      IntVector x =
          (IntVector) ByteVector.fromArray(BYTES, a, i).convertShape(VectorOperators.B2I, INTS, 0);
      IntVector y =
          (IntVector) ByteVector.fromArray(BYTES, b, i).convertShape(VectorOperators.B2I, INTS, 0);
      sum = sum.add(x.mul(y));
    }
    long total = sum.reduceLanesToLong(VectorOperators.ADD);
    for (; i < a.length; i++) {
      total += a[i] * b[i];
    }
    return total;
  }
}
