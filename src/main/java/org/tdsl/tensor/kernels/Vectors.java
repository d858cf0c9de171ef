package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one switch for vector width: chosen once from {@code FloatVector.SPECIES_PREFERRED},
 * overridable with the system property {@code tdsl.vector.bits} (0 = scalar loops, 128, 256,
 * 512). Kernels take the species as a parameter internally so tests can run every width in one
 * JVM; the public entry points pass this constant (null means scalar).
 */
public final class Vectors {
  private Vectors() {}

  public static final VectorSpecies<Float> SPECIES = choose(Integer.getInteger("tdsl.vector.bits", -1));

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
