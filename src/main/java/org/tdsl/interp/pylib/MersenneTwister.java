package org.tdsl.interp.pylib;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The generator behind CPython's random module (MT19937, seeded as CPython seeds it), so that
 * {@code random.seed(0); random.random()} gives tdsl the very numbers Python gives.
 */
final class MersenneTwister {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int index = N + 1;

  /** CPython's seed(int): the absolute value's 32-bit words, least significant first. */
  void seed(BigInteger seed) {
    BigInteger n = seed.abs();
    int words = Math.max(1, (n.bitLength() + 31) / 32);
    int[] key = new int[words];
    for (int i = 0; i < words; i++) key[i] = n.shiftRight(32 * i).intValue();
    initByArray(key);
  }

  /** CPython's seed(str) (version 2): the text's bytes followed by their SHA-512, as one big int. */
  void seed(String text) {
    try {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(bytes);
      byte[] all = new byte[bytes.length + digest.length + 1];  // leading 0: positive
      System.arraycopy(bytes, 0, all, 1, bytes.length);
      System.arraycopy(digest, 0, all, 1 + bytes.length, digest.length);
      seed(new BigInteger(all));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (int i = 1; i < N; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    index = N;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next 32 random bits, as an unsigned value. */
  long nextInt32() {
    if (index >= N) twist();
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  private void twist() {
    for (int k = 0; k < N; k++) {
      int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
    }
    index = 0;
  }

  /** random(): 53 random bits in [0, 1). */
  double nextDouble() {
    long a = nextInt32() >>> 5;
    long b = nextInt32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** getrandbits(k) for k <= 63: whole words, least significant first, the last one shifted. */
  long bits(int k) {
    if (k <= 32) return nextInt32() >>> (32 - k);
    long low = nextInt32();
    long high = nextInt32() >>> (64 - k);
    return (high << 32) | low;
  }

  /** CPython's _randbelow: k-bit draws until one is below n (n > 0). */
  long below(long n) {
    int k = 64 - Long.numberOfLeadingZeros(n);
    long r = bits(k);
    while (r >= n) r = bits(k);
    return r;
  }
}
