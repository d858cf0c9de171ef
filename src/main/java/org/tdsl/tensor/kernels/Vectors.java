package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species the elementwise, reduction and softmax kernels run at: {@link VectorWidth}'s
 * choice (null means scalar). Those kernels take the species as a parameter internally so
 * tests can run every width in one JVM; the public entry points pass this constant.
 */
public final class Vectors {
  private Vectors() {}

  public static final VectorSpecies<Float> SPECIES = VectorWidth.SPECIES;

  static VectorSpecies<Float> choose(int bits) {
    if (bits < 0) return FloatVector.SPECIES_PREFERRED;
    if (bits == 0) return null;
    return FloatVector.SPECIES_PREFERRED.vectorBitSize() < bits
        ? FloatVector.SPECIES_PREFERRED
        : VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
  }

  /** The species for a width in bits (0 = null = scalar), for tests of each width. */
  public static VectorSpecies<Float> forBits(int bits) { return choose(bits); }
}
