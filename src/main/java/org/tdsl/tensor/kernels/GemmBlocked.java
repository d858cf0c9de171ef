package org.tdsl.tensor.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The packed, register-blocked product (the GotoBLAS plan, on the Vector API).
 *
 * <p>Per block of kc rows of B and nc columns, B is packed into panels NR = two vectors
 * wide; per block of mc rows of A and the same kc, A is packed into panels MR rows high.
 * The microkernel then keeps an MR×NR tile of C in 2·MR vector registers over the whole kc
 * loop: per k it loads two vectors of B, broadcasts MR values of A and issues 2·MR FMAs.
 * Panels are zero-padded past the matrix edges (and to an even depth), so the microkernel
 * always computes a whole tile; it writes the tile to a scratch buffer, and a merge step adds
 * (or copies) its valid part into C. When A has few rows, a row-major B is read in place
 * rather than packed (see {@link #gemm}).
 *
 * <p>The microkernel is 6×2 (12 accumulators) with k unrolled twice. 8×2 and 12×2 ran
 * as fast once compiled but took longer to reach C2. Larger kernels can make C1 fail
 * ("out of virtual registers") and leave the method interpreted, 100 times slower;
 * the JMH benchmark {@code GemmBench} (src/jmh) shows such a cliff at once.
 */
final class GemmBlocked {
  private GemmBlocked() {}

  static final VectorSpecies<Float> S = VectorWidth.SPECIES;
  static final int L = S == null ? 1 : S.length();
  static final int MR = 6;
  static final int NR = 2 * L;
  private static final int KC = 256;
  private static final int MC = 192;  // a multiple of MR
  private static final int NC = 1024;
  static final int IN_PLACE_MAX_ROWS = 192;  // a multiple of NR for every width

  /** Per-thread packing buffers, reused across calls (allocating them costs more than small products). */
  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  private static final class Buffers {
    final float[] a = new float[MC * (KC + 1)];
    final float[] b = new float[(KC + 1) * NC];
    final float[] tile = new float[MR * NR];
  }

  static void gemm(int m, int n, int k,
                   float[] a, int aOff, int aRs, int aCs,
                   float[] b, int bOff, int bRs, int bCs,
                   float[] c, int cOff, int ldc, boolean accumulate) {
    Buffers buf = BUFFERS.get();
    // Blocks of equal size: k = 288 as 144 + 144 rather than 256 + 32, whose short block
    // would pay the per-tile merge for little work.
    int ncStep = roundUp(ceilDiv(n, ceilDiv(n, NC)), NR);
    int kcStep = roundUp(ceilDiv(k, ceilDiv(k, KC)), 2);
    for (int jc = 0; jc < n; jc += ncStep) {
      int nc = Math.min(ncStep, n - jc);
      for (int pc = 0; pc < k; pc += kcStep) {
        int kc = Math.min(kcStep, k - pc);
        boolean add = accumulate || pc > 0;
        int bBlock = bOff + pc * bRs + jc * bCs;
        // With few rows of A, packing B costs as much as the multiply (a convolution's 64
        // channels against its unfolded input): a row-major B is then read in place, its
        // rows already being what a panel holds. With many rows packing pays for itself,
        // and reading far-apart rows in place loses to cache conflicts (n=2048: -40%).
        boolean inPlace = bCs == 1 && (kc & 1) == 0 && m < IN_PLACE_MAX_ROWS;
        if (!inPlace) packB(kc, nc, b, bBlock, bRs, bCs, buf.b);
        for (int ic = 0; ic < m; ic += MC) {
          int mc = Math.min(MC, m - ic);
          packA(mc, kc, a, aOff + ic * aRs + pc * aCs, aRs, aCs, buf.a);
          macroKernel(mc, nc, kc, buf, inPlace ? b : null, bBlock, bRs, c, cOff + ic * ldc + jc, ldc, add);
        }
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static int roundUp(int a, int multiple) {
    return ceilDiv(a, multiple) * multiple;
  }

  /** Runs the microkernel over an mc×nc block; {@code b} non-null means B is read in place (see below). */
  private static void macroKernel(int mc, int nc, int kc, Buffers buf, float[] b, int bBlock, int ldb,
                                  float[] c, int cOff, int ldc, boolean add) {
    int depth = paddedDepth(kc);
    float[] tile = buf.tile;
    for (int jr = 0; jr < nc; jr += NR) {
      int cols = Math.min(NR, nc - jr);
      int bBase = b == null ? jr * depth : 0;
      // B in place: the first row tile reads the strip of B where it lies and leaves a
      // packed copy for the other row tiles. Read in place by every tile, B's rows (and C's)
      // lie a multiple of 4 KiB apart whenever n is a multiple of 1024: they then share one
      // L1 set, and each load of B waits on the stores of C whose address matches in its
      // low 12 bits (fc1's gᵀ·x at n = 9216 ran at 90 GFLOP/s on one core, at n = 9200 at
      // 162). A copy made before the multiply is a pass of its own waiting on memory.
      boolean copyFirst = b != null && cols == NR;
      if (b != null && !copyFirst) packB(kc, cols, b, bBlock + jr, ldb, 1, buf.b);  // ragged, zero-padded
      for (int ir = 0; ir < mc; ir += MR) {
        int rows = Math.min(MR, mc - ir);
        int cBase = cOff + ir * ldc + jr;
        // A whole tile that overwrites C is stored straight from the registers, skipping the
        // scratch tile (one core on fc1's backward: -5%). Adding into C stays in the merge:
        // with C's loads and adds inside, C2 left the microkernel's vectors boxed (square
        // 512 went 1.5 → 6.5 ms). The same two kernels write either (a third kernel for the
        // direct store took C2 longer to reach: fewer calls each).
        boolean direct = !add && rows == MR && cols == NR;
        float[] out = direct ? c : tile;
        int outBase = direct ? cBase : 0, ldo = direct ? ldc : NR;
        if (copyFirst && ir == 0) microCopy(depth, buf.a, 0, b, bBlock + jr, ldb, out, outBase, ldo, buf.b);
        else micro(depth, buf.a, ir * depth, buf.b, bBase, NR, out, outBase, ldo);
        if (direct) continue;
        if (rows == MR && cols == NR) {
          mergeFullTile(tile, c, cBase, ldc, add);
        } else {
          mergeTile(rows, cols, tile, c, cBase, ldc, add);
        }
      }
    }
  }

  /** The panels' depth: kc rounded up to even, so the twice-unrolled k loop needs no tail. */
  static int paddedDepth(int kc) {
    return (kc + 1) & ~1;
  }

  private static void mergeFullTile(float[] tile, float[] c, int cBase, int ldc, boolean add) {
    for (int r = 0; r < MR; r++) {
      int row = cBase + r * ldc;
      FloatVector v0 = FloatVector.fromArray(S, tile, r * NR);
      FloatVector v1 = FloatVector.fromArray(S, tile, r * NR + L);
      if (add) {
        v0 = v0.add(FloatVector.fromArray(S, c, row));
        v1 = v1.add(FloatVector.fromArray(S, c, row + L));
      }
      v0.intoArray(c, row);
      v1.intoArray(c, row + L);
    }
  }

  private static void mergeTile(int rows, int cols, float[] tile, float[] c, int cBase, int ldc,
                                boolean add) {
    for (int r = 0; r < rows; r++) {
      int row = cBase + r * ldc;
      for (int j = 0; j < cols; j++) {
        c[row + j] = add ? c[row + j] + tile[r * NR + j] : tile[r * NR + j];
      }
    }
  }

  /** Packs an mc×kc block of A as panels of MR rows: panel p holds A[p·MR + r][k] at p·MR·kc + k·MR + r. */
  static void packA(int mc, int kc, float[] a, int off, int rs, int cs, float[] dst) {
    int depth = paddedDepth(kc);
    for (int ir = 0; ir < mc; ir += MR) {
      int rows = Math.min(MR, mc - ir);
      int base = ir * depth;
      if (cs <= rs) {  // walk each source row along k
        for (int r = 0; r < rows; r++) {
          int src = off + (ir + r) * rs;
          for (int p = 0; p < kc; p++) dst[base + p * MR + r] = a[src + p * cs];
        }
      } else {         // walk each source column down the rows
        for (int p = 0; p < kc; p++) {
          int src = off + p * cs + ir * rs;
          for (int r = 0; r < rows; r++) dst[base + p * MR + r] = a[src + r * rs];
        }
      }
      for (int r = rows; r < MR; r++) {
        for (int p = 0; p < kc; p++) dst[base + p * MR + r] = 0f;
      }
      if (depth > kc) Arrays.fill(dst, base + kc * MR, base + depth * MR, 0f);
    }
  }

  /** Packs a kc×nc block of B as panels of NR columns: panel q holds B[k][q·NR + j] at q·NR·kc + k·NR + j. */
  static void packB(int kc, int nc, float[] b, int off, int rs, int cs, float[] dst) {
    int depth = paddedDepth(kc);
    for (int jr = 0; jr < nc; jr += NR) {
      int cols = Math.min(NR, nc - jr);
      int base = jr * depth;
      if (cs == 1) {
        for (int p = 0; p < kc; p++) {
          System.arraycopy(b, off + p * rs + jr, dst, base + p * NR, cols);
        }
      } else if (cs <= rs) {
        for (int p = 0; p < kc; p++) {
          int src = off + p * rs + jr * cs;
          for (int j = 0; j < cols; j++) dst[base + p * NR + j] = b[src + j * cs];
        }
      } else {  // B transposed: a blocked transpose, so the panel rows being filled stay in L1
        for (int p0 = 0; p0 < kc; p0 += 16) {
          int p1 = Math.min(kc, p0 + 16);
          for (int j = 0; j < cols; j++) {
            int src = off + (jr + j) * cs;
            for (int p = p0; p < p1; p++) dst[base + p * NR + j] = b[src + p * rs];
          }
        }
      }
      if (cols < NR) {
        for (int p = 0; p < kc; p++) {
          for (int j = cols; j < NR; j++) dst[base + p * NR + j] = 0f;
        }
      }
      if (depth > kc) Arrays.fill(dst, base + kc * NR, base + depth * NR, 0f);
    }
  }

  /** {@link #micro} into the scratch tile. */
  static void micro(int depth, float[] ap, int aBase, float[] bp, int bBase, int bStride,
                    float[] tile) {
    micro(depth, ap, aBase, bp, bBase, bStride, tile, 0, NR);
  }

  /**
   * tile = packed A panel · B panel over an even depth; B's rows lie bStride apart (NR when
   * packed, B's row stride when read in place). Kept this small on purpose:
   * C2 stops intrinsifying vector operations in a method that grows too large, so the
   * loads, adds and stores of C live in the merge methods instead.
   */
  static void micro(int depth, float[] ap, int aBase, float[] bp, int bBase, int bStride,
                    float[] out, int outBase, int ldo) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c00 = zero, c01 = zero;
    FloatVector c10 = zero, c11 = zero;
    FloatVector c20 = zero, c21 = zero;
    FloatVector c30 = zero, c31 = zero;
    FloatVector c40 = zero, c41 = zero;
    FloatVector c50 = zero, c51 = zero;
    FloatVector b0, b1, av;
    for (int k = 0; k < depth; k += 2) {
      int ai = aBase + k * MR;
      int bi = bBase + k * bStride;
      b0 = FloatVector.fromArray(S, bp, bi);
      b1 = FloatVector.fromArray(S, bp, bi + L);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 0]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
      b0 = FloatVector.fromArray(S, bp, bi + bStride);
      b1 = FloatVector.fromArray(S, bp, bi + bStride + L);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 0]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
    }
    c00.intoArray(out, outBase + 0 * ldo);
    c01.intoArray(out, outBase + 0 * ldo + L);
    c10.intoArray(out, outBase + 1 * ldo);
    c11.intoArray(out, outBase + 1 * ldo + L);
    c20.intoArray(out, outBase + 2 * ldo);
    c21.intoArray(out, outBase + 2 * ldo + L);
    c30.intoArray(out, outBase + 3 * ldo);
    c31.intoArray(out, outBase + 3 * ldo + L);
    c40.intoArray(out, outBase + 4 * ldo);
    c41.intoArray(out, outBase + 4 * ldo + L);
    c50.intoArray(out, outBase + 5 * ldo);
    c51.intoArray(out, outBase + 5 * ldo + L);
  }

  /**
   * {@link #micro} that also stores each pair of B vectors it loads into {@code copy} as a
   * packed panel (row k at k·NR): the packing rides on the FMAs' shadow instead of waiting
   * on memory in a pass of its own. A separate method so that {@code micro} stays small.
   */
  static void microCopy(int depth, float[] ap, int aBase, float[] bp, int bBase, int bStride,
                        float[] out, int outBase, int ldo, float[] copy) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c00 = zero, c01 = zero;
    FloatVector c10 = zero, c11 = zero;
    FloatVector c20 = zero, c21 = zero;
    FloatVector c30 = zero, c31 = zero;
    FloatVector c40 = zero, c41 = zero;
    FloatVector c50 = zero, c51 = zero;
    FloatVector b0, b1, av;
    for (int k = 0; k < depth; k += 2) {
      int ai = aBase + k * MR;
      int bi = bBase + k * bStride;
      b0 = FloatVector.fromArray(S, bp, bi);
      b1 = FloatVector.fromArray(S, bp, bi + L);
      b0.intoArray(copy, k * NR);
      b1.intoArray(copy, k * NR + L);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 0]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, ap[ai + 0 * MR + 5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
      b0 = FloatVector.fromArray(S, bp, bi + bStride);
      b1 = FloatVector.fromArray(S, bp, bi + bStride + L);
      b0.intoArray(copy, k * NR + NR);
      b1.intoArray(copy, k * NR + NR + L);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 0]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, ap[ai + 1 * MR + 5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
    }
    c00.intoArray(out, outBase + 0 * ldo);
    c01.intoArray(out, outBase + 0 * ldo + L);
    c10.intoArray(out, outBase + 1 * ldo);
    c11.intoArray(out, outBase + 1 * ldo + L);
    c20.intoArray(out, outBase + 2 * ldo);
    c21.intoArray(out, outBase + 2 * ldo + L);
    c30.intoArray(out, outBase + 3 * ldo);
    c31.intoArray(out, outBase + 3 * ldo + L);
    c40.intoArray(out, outBase + 4 * ldo);
    c41.intoArray(out, outBase + 4 * ldo + L);
    c50.intoArray(out, outBase + 5 * ldo);
    c51.intoArray(out, outBase + 5 * ldo + L);
  }
}
