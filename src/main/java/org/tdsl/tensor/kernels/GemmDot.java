package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * A·Bᵀ when both operands run contiguously along k (A's rows and B's columns are unit
 * stride): a linear layer's x·Wᵀ and a convolution's weight gradient G·colᵀ. The packed
 * kernel would first transpose B into panels, one scalar move per element, which costs more
 * than the multiply when m is small (64 rows against 9216-long rows). Here every C element
 * is a dot product taken straight from memory: a 4×4 block of C keeps 16 vector
 * accumulators along k, each loaded vector of A serving four columns and each of B four
 * rows, and the lanes are summed once at the end of a k block.
 *
 * <p>k is cut into blocks of {@link #KC} so that the 4 rows of A stay in L1 while a band of
 * {@link #NB} columns of B streams from L2.
 */
final class GemmDot {
  private GemmDot() {}

  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;
  private static final int L = S == null ? 1 : S.length();
  static final int R = 4;          // rows and columns of a register block
  private static final int KC = 1024;
  private static final int NB = 64;

  /** Below this many rows or columns (of C) packing B's transpose does not pay for itself. */
  private static final int SHORT_SIDE = 256;

  /**
   * Whether this kernel takes the product: A·Bᵀ with both unit stride along k, k long enough
   * to vectorize, and C short on one side. Large square products still go to the packed
   * kernel, whose panels reuse every loaded vector six ways instead of four.
   */
  static boolean applies(int m, int n, int k, int aCs, int bRs, int bCs) {
    return S != null && aCs == 1 && bRs == 1 && bCs != 1 && k >= 4 * L
        && Math.min(m, n) < SHORT_SIDE;
  }

  static void gemm(int m, int n, int k, float[] a, int aOff, int aRs, float[] b, int bOff, int bCs,
                   float[] c, int cOff, int ldc, boolean accumulate) {
    int kcStep = Math.min(k, KC);
    float[] lanes = new float[R * R * L + 2 * R * R];  // a block's accumulators, then its 16 sums (twice)
    for (int pc = 0; pc < k; pc += kcStep) {
      int kc = Math.min(kcStep, k - pc);
      boolean add = accumulate || pc > 0;
      for (int jb = 0; jb < n; jb += NB) {
        int nb = Math.min(NB, n - jb);
        for (int i = 0; i < m; i += R) {
          int rows = Math.min(R, m - i);
          for (int j = jb; j < jb + nb; j += R) {
            int cols = Math.min(R, jb + nb - j);
            int aAt = aOff + i * aRs + pc, bAt = bOff + j * bCs + pc, cAt = cOff + i * ldc + j;
            if (rows == R && cols == R) {
              int main = S.loopBound(kc);
              if (main > 0) block4x4(main, a, aAt, aRs, b, bAt, bCs, c, cAt, ldc, add, lanes);
              if (main < kc) tail4x4(main, kc, a, aAt, aRs, b, bAt, bCs, c, cAt, ldc, add || main > 0, lanes);
            } else {
              edge(rows, cols, kc, a, aAt, aRs, b, bAt, bCs, c, cAt, ldc, add);
            }
          }
        }
      }
    }
  }

  /** C[0..4)[0..4) (+)= the 16 dot products of 4 rows of A with 4 columns of B over kc, a multiple of L. */
  private static void block4x4(int kc, float[] a, int aAt, int aRs, float[] b, int bAt, int bCs,
                               float[] c, int cAt, int ldc, boolean add, float[] lanes) {
    FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s03 = s00;
    FloatVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
    FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00;
    FloatVector s30 = s00, s31 = s00, s32 = s00, s33 = s00;
    int a0 = aAt, a1 = aAt + aRs, a2 = aAt + 2 * aRs, a3 = aAt + 3 * aRs;
    int b0 = bAt, b1 = bAt + bCs, b2 = bAt + 2 * bCs, b3 = bAt + 3 * bCs;
    int p = 0;
    for (int bound = S.loopBound(kc); p < bound; p += L) {
      FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
      FloatVector x1 = FloatVector.fromArray(S, a, a1 + p);
      FloatVector x2 = FloatVector.fromArray(S, a, a2 + p);
      FloatVector x3 = FloatVector.fromArray(S, a, a3 + p);
      FloatVector y = FloatVector.fromArray(S, b, b0 + p);
      s00 = x0.fma(y, s00);
      s10 = x1.fma(y, s10);
      s20 = x2.fma(y, s20);
      s30 = x3.fma(y, s30);
      y = FloatVector.fromArray(S, b, b1 + p);
      s01 = x0.fma(y, s01);
      s11 = x1.fma(y, s11);
      s21 = x2.fma(y, s21);
      s31 = x3.fma(y, s31);
      y = FloatVector.fromArray(S, b, b2 + p);
      s02 = x0.fma(y, s02);
      s12 = x1.fma(y, s12);
      s22 = x2.fma(y, s22);
      s32 = x3.fma(y, s32);
      y = FloatVector.fromArray(S, b, b3 + p);
      s03 = x0.fma(y, s03);
      s13 = x1.fma(y, s13);
      s23 = x2.fma(y, s23);
      s33 = x3.fma(y, s33);
    }
    if (L == 16) {
      // The lane sums of all 16 at once (Lanes.sum16's tree, written out: passed to a method,
      // vectors are boxed unless C2 inlines it, and it would not); accumulator q's sum lands
      // at lane REVERSED[q].
      FloatVector t0 = s00.blend(s01, Lanes.UPPER_HALF).add(s01.blend(s00, Lanes.UPPER_HALF).rearrange(Lanes.SWAP_HALVES));
      FloatVector t1 = s02.blend(s03, Lanes.UPPER_HALF).add(s03.blend(s02, Lanes.UPPER_HALF).rearrange(Lanes.SWAP_HALVES));
      FloatVector t2 = s10.blend(s11, Lanes.UPPER_HALF).add(s11.blend(s10, Lanes.UPPER_HALF).rearrange(Lanes.SWAP_HALVES));
      FloatVector t3 = s12.blend(s13, Lanes.UPPER_HALF).add(s13.blend(s12, Lanes.UPPER_HALF).rearrange(Lanes.SWAP_HALVES));
      FloatVector t4 = s20.blend(s21, Lanes.UPPER_HALF).add(s21.blend(s20, Lanes.UPPER_HALF).rearrange(Lanes.SWAP_HALVES));
      FloatVector t5 = s22.blend(s23, Lanes.UPPER_HALF).add(s23.blend(s22, Lanes.UPPER_HALF).rearrange(Lanes.SWAP_HALVES));
      FloatVector t6 = s30.blend(s31, Lanes.UPPER_HALF).add(s31.blend(s30, Lanes.UPPER_HALF).rearrange(Lanes.SWAP_HALVES));
      FloatVector t7 = s32.blend(s33, Lanes.UPPER_HALF).add(s33.blend(s32, Lanes.UPPER_HALF).rearrange(Lanes.SWAP_HALVES));
      FloatVector u0 = t0.blend(t1, Lanes.ODD_QUARTERS).add(t1.blend(t0, Lanes.ODD_QUARTERS).rearrange(Lanes.SWAP_QUARTERS));
      FloatVector u1 = t2.blend(t3, Lanes.ODD_QUARTERS).add(t3.blend(t2, Lanes.ODD_QUARTERS).rearrange(Lanes.SWAP_QUARTERS));
      FloatVector u2 = t4.blend(t5, Lanes.ODD_QUARTERS).add(t5.blend(t4, Lanes.ODD_QUARTERS).rearrange(Lanes.SWAP_QUARTERS));
      FloatVector u3 = t6.blend(t7, Lanes.ODD_QUARTERS).add(t7.blend(t6, Lanes.ODD_QUARTERS).rearrange(Lanes.SWAP_QUARTERS));
      FloatVector w0 = u0.blend(u1, Lanes.ODD_EIGHTHS).add(u1.blend(u0, Lanes.ODD_EIGHTHS).rearrange(Lanes.SWAP_EIGHTHS));
      FloatVector w1 = u2.blend(u3, Lanes.ODD_EIGHTHS).add(u3.blend(u2, Lanes.ODD_EIGHTHS).rearrange(Lanes.SWAP_EIGHTHS));
      w0.blend(w1, Lanes.ODD_SIXTEENTHS).add(w1.blend(w0, Lanes.ODD_SIXTEENTHS).rearrange(Lanes.SWAP_SIXTEENTHS))
          .intoArray(lanes, R * R * L);
      storeReversed(lanes, c, cAt, ldc, add);
      return;
    }
    // The accumulators reach the lane sums through memory: summed here (or passed to a
    // method that sums them), they made this method too large for C2 to inline the sums,
    // and the vectors were boxed: 11 to 22 times slower.
    s00.intoArray(lanes, 0);
    s01.intoArray(lanes, L);
    s02.intoArray(lanes, 2 * L);
    s03.intoArray(lanes, 3 * L);
    s10.intoArray(lanes, 4 * L);
    s11.intoArray(lanes, 5 * L);
    s12.intoArray(lanes, 6 * L);
    s13.intoArray(lanes, 7 * L);
    s20.intoArray(lanes, 8 * L);
    s21.intoArray(lanes, 9 * L);
    s22.intoArray(lanes, 10 * L);
    s23.intoArray(lanes, 11 * L);
    s30.intoArray(lanes, 12 * L);
    s31.intoArray(lanes, 13 * L);
    s32.intoArray(lanes, 14 * L);
    s33.intoArray(lanes, 15 * L);
    sumInto(lanes, c, cAt, ldc, add);
  }

  /** The lane sums of the 16 accumulators in lanes (row-major by C element), into C. */
  private static void sumInto(float[] lanes, float[] c, int cAt, int ldc, boolean add) {
    int sums = R * R * L;
    if (L == 16) {  // all 16 at once; the sum of accumulator q lands at lane REVERSED[q]
      Lanes.sum16(lanes, 0, lanes, sums);
      for (int q = 0; q < R * R; q++) lanes[sums + R * R + q] = lanes[sums + REVERSED[q]];
      store(lanes, sums + R * R, c, cAt, ldc, add);
      return;
    }
    for (int r = 0; r < R; r++) {
      int v = r * R * L;
      Lanes.sum4(lanes, v, lanes, sums + r * R);
    }
    store(lanes, sums, c, cAt, ldc, add);
  }

  /** C (+)= the 16 sums at lanes[R·R·L + REVERSED[q]], q = 4·row + column. */
  private static void storeReversed(float[] lanes, float[] c, int cAt, int ldc, boolean add) {
    int sums = R * R * L;
    for (int q = 0; q < R * R; q++) lanes[sums + R * R + q] = lanes[sums + REVERSED[q]];
    store(lanes, sums + R * R, c, cAt, ldc, add);
  }

  /** q with its four bits reversed: where {@link Lanes#sum16} puts the sum of vector q. */
  private static final int[] REVERSED = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};

  /** C[0..4)[0..4) = (or +=) the 16 floats at d[from..]. */
  private static void store(float[] d, int from, float[] c, int cAt, int ldc, boolean add) {
    for (int r = 0; r < R; r++) {
      int at = cAt + r * ldc, s = from + r * R;
      if (add) {
        c[at] += d[s];
        c[at + 1] += d[s + 1];
        c[at + 2] += d[s + 2];
        c[at + 3] += d[s + 3];
      } else {
        c[at] = d[s];
        c[at + 1] = d[s + 1];
        c[at + 2] = d[s + 2];
        c[at + 3] = d[s + 3];
      }
    }
  }

  /**
   * The same 16 dot products over [p, kc), less than one vector: one masked step, added to C.
   * A separate method: grown into block4x4, the masked step made C2 give up on the whole
   * kernel (vectors boxed, 50 times slower); and a scalar tail cost a third of k = 622.
   */
  private static void tail4x4(int p, int kc, float[] a, int aAt, int aRs, float[] b, int bAt, int bCs,
                              float[] c, int cAt, int ldc, boolean add, float[] lanes) {
    VectorMask<Float> m = S.indexInRange(p, kc);
    int[] rows = {aAt + p, aAt + aRs + p, aAt + 2 * aRs + p, aAt + 3 * aRs + p};
    FloatVector y0 = FloatVector.fromArray(S, b, bAt + p, m);
    FloatVector y1 = FloatVector.fromArray(S, b, bAt + bCs + p, m);
    FloatVector y2 = FloatVector.fromArray(S, b, bAt + 2 * bCs + p, m);
    FloatVector y3 = FloatVector.fromArray(S, b, bAt + 3 * bCs + p, m);
    for (int r = 0; r < R; r++) {
      FloatVector x = FloatVector.fromArray(S, a, rows[r], m);
      int v = r * R * L;
      x.mul(y0).intoArray(lanes, v);
      x.mul(y1).intoArray(lanes, v + L);
      x.mul(y2).intoArray(lanes, v + 2 * L);
      x.mul(y3).intoArray(lanes, v + 3 * L);
    }
    sumInto(lanes, c, cAt, ldc, add);
  }

  /** A block cut by the edge of C: one dot product at a time. */
  private static void edge(int rows, int cols, int kc, float[] a, int aAt, int aRs, float[] b, int bAt,
                           int bCs, float[] c, int cAt, int ldc, boolean add) {
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        float d = dot(kc, a, aAt + r * aRs, b, bAt + j * bCs);
        int at = cAt + r * ldc + j;
        c[at] = add ? c[at] + d : d;
      }
    }
  }

  static float dot(int k, float[] x, int xOff, float[] y, int yOff) {
    FloatVector acc0 = FloatVector.zero(S), acc1 = FloatVector.zero(S);
    int p = 0;
    for (; p + 2 * L <= k; p += 2 * L) {
      acc0 = FloatVector.fromArray(S, x, xOff + p).fma(FloatVector.fromArray(S, y, yOff + p), acc0);
      acc1 = FloatVector.fromArray(S, x, xOff + p + L).fma(FloatVector.fromArray(S, y, yOff + p + L), acc1);
    }
    float sum = Lanes.sum(acc0.add(acc1));
    for (; p < k; p++) sum += x[xOff + p] * y[yOff + p];
    return sum;
  }
}
