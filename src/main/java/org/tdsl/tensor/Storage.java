package org.tdsl.tensor;

/**
 * One flat array of elements shared by a tensor and all its views, plus the version counter
 * that every in-place write bumps (autograd compares it with the version a saved tensor had).
 * Exactly one of the three arrays is non-null, chosen by the dtype.
 */
public final class Storage {
  final float[] f;
  final long[] l;
  final boolean[] b;
  private int version;

  private Storage(float[] f, long[] l, boolean[] b) {
    this.f = f; this.l = l; this.b = b;
    Allocations.reserve(size());
  }

  public static Storage ofFloats(float[] f) { return new Storage(f, null, null); }
  public static Storage ofLongs(long[] l) { return new Storage(null, l, null); }
  public static Storage ofBools(boolean[] b) { return new Storage(null, null, b); }

  public static Storage allocate(DType dtype, int n) {
    Allocations.reserve(n);  // before the array exists: a refused size never reaches the heap
    return switch (dtype) {
      case FLOAT32 -> ofFloats(new float[n]);
      case INT64 -> ofLongs(new long[n]);
      case BOOL -> ofBools(new boolean[n]);
    };
  }

  public DType dtype() { return f != null ? DType.FLOAT32 : l != null ? DType.INT64 : DType.BOOL; }
  public int size() { return f != null ? f.length : l != null ? l.length : b.length; }

  /** The float array (float32 storages only). Writers must call {@link #bumpVersion()}. */
  public float[] floats() { return f; }
  public long[] longs() { return l; }
  public boolean[] bools() { return b; }

  public int version() { return version; }
  public void bumpVersion() { version++; }

  double getDouble(int i) { return f != null ? f[i] : l != null ? l[i] : (b[i] ? 1 : 0); }
  long getLong(int i) { return f != null ? (long) f[i] : l != null ? l[i] : (b[i] ? 1 : 0); }
  boolean getBool(int i) { return f != null ? f[i] != 0 : l != null ? l[i] != 0 : b[i]; }

  void setDouble(int i, double v) {
    if (f != null) f[i] = (float) v; else if (l != null) l[i] = (long) v; else b[i] = v != 0;
  }
  void setLong(int i, long v) {
    if (f != null) f[i] = v; else if (l != null) l[i] = v; else b[i] = v != 0;
  }
  /** Copies element {@code si} of {@code src} into element {@code di}, converting the type. */
  void setFrom(int di, Storage src, int si) {
    if (f != null) f[di] = (float) src.getDouble(si);
    else if (l != null) l[di] = src.getLong(si);
    else b[di] = src.getBool(si);
  }
}
