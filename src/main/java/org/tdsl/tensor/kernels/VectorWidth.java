package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector width every kernel uses, chosen once per JVM.
 *
 * <p>By default the hardware's preferred float species ({@code FloatVector.SPECIES_PREFERRED});
 * the system property {@code tdsl.vector.bits} overrides it: {@code 0} selects the scalar
 * loops, {@code 128}, {@code 256} or {@code 512} a species of that size. A width larger
 * than the hardware's is still correct but emulated, hence slow: it exists for testing.
 * The choice is a {@code static final} so the JIT folds it into every kernel.
 */
public final class VectorWidth {
  private VectorWidth() {}

  /** The chosen width in bits; 0 means the scalar fallback. */
  public static final int BITS = chooseBits(System.getProperty("tdsl.vector.bits"));

  /** The chosen species; null when {@link #BITS} is 0 (kernels then take their scalar path). */
  static final VectorSpecies<Float> SPECIES =
      BITS == 0 ? null : VectorSpecies.of(float.class, VectorShape.forBitSize(BITS));

  static int chooseBits(String property) {
    if (property == null || property.isBlank()) {
      int preferred = FloatVector.SPECIES_PREFERRED.vectorBitSize();
      return preferred >= 128 ? preferred : 0;  // 64-bit "vectors" of two floats gain nothing
    }
    return switch (property.strip()) {
      case "0" -> 0;
      case "128" -> 128;
      case "256" -> 256;
      case "512" -> 512;
      default -> throw new IllegalArgumentException(
          "tdsl.vector.bits must be 0, 128, 256 or 512, got '" + property + "'");
    };
  }
}
