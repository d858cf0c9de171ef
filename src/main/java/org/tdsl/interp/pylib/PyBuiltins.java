package org.tdsl.interp.pylib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.tdsl.interp.Args;
import org.tdsl.syntax.BinOp;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.ClosingIterator;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyCallable;
import org.tdsl.interp.PyIterator;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/** Python's builtins that CoreBuiltins did not have: map, filter, divmod, chr, ord, hex, pow, vars, setattr, ... */
final class PyBuiltins {
  private PyBuiltins() {}

  static void install(Builtins b) {
    b.register("map", "map(function, *iterables)", "function applied to the items (of several iterables side by side), lazily.", a -> {
      Object f = a.get("function");
      List<Iterator<Object>> its = iterators(a.varargs("iterables").items(), a.interpreter());
      if (its.isEmpty()) throw new TdslError("map() must have at least two arguments.");
      return new PyIterator("map", new Iterator<>() {
        public boolean hasNext() {
          for (Iterator<Object> i : its) if (!i.hasNext()) return false;
          return true;
        }

        public Object next() {
          if (!hasNext()) throw new NoSuchElementException();
          List<Object> args = new ArrayList<>();
          for (Iterator<Object> i : its) args.add(i.next());
          return a.interpreter().callValue(f, args, java.util.Map.of());
        }
      });
    });
    b.register("filter", "filter(function, iterable)", "The items for which function is true (None: the true items), lazily.", a -> {
      Object f = a.get("function");
      Iterator<Object> it = Values.iterate(a.get("iterable"), a.interpreter());
      Interpreter ip = a.interpreter();
      return new PyIterator("filter", new Iterator<>() {
        Object pending;
        boolean ready;

        public boolean hasNext() {
          while (!ready && it.hasNext()) {
            Object x = it.next();
            if (ip.truthy(f == null ? x : ip.callValue(f, List.of(x), java.util.Map.of()))) {
              pending = x;
              ready = true;
            }
          }
          return ready;
        }

        public Object next() {
          if (!hasNext()) throw new NoSuchElementException();
          ready = false;
          return pending;
        }
      });
    });
    b.register("zip", "zip(*iterables, strict=False)", "Tuples of the i-th items of each iterable; strict=True: they must be equally long.", PyBuiltins::zip);
    b.register("divmod", "divmod(a, b)", "(a // b, a % b).", a -> PyTuple.of(
        a.interpreter().binary(BinOp.FLOORDIV, a.get("a"), a.get("b")), a.interpreter().binary(BinOp.MOD, a.get("a"), a.get("b"))));
    b.register("pow", "pow(base, exp, mod=None)", "base ** exp; with mod, (base ** exp) % mod computed fast (ints).", PyBuiltins::pow);
    b.register("chr", "chr(i)", "The one-character string of a Unicode code point.", a -> {
      long i = Py.integer(a.get("i"), a.interpreter());
      if (i < 0 || i >= 0x110000) throw new TdslError("chr() arg not in range(0x110000)");
      return Character.toString((int) i);
    });
    b.register("ord", "ord(c)", "The Unicode code point of a one-character string.", a -> {
      if (!(a.get("c") instanceof String s)) {
        throw new TdslError("ord() expected string of length 1, but " + Values.typeName(a.get("c"), a.interpreter()) + " found");
      }
      int n = s.codePointCount(0, s.length());
      if (n != 1) throw new TdslError("ord() expected a character, but string of length " + n + " found");
      return (long) s.codePointAt(0);
    });
    b.register("hex", "hex(x)", "The int as '0x...'.", a -> radix(a, 16, "0x"));
    b.register("oct", "oct(x)", "The int as '0o...'.", a -> radix(a, 8, "0o"));
    b.register("bin", "bin(x)", "The int as '0b...'.", a -> radix(a, 2, "0b"));
    b.register("callable", "callable(obj)", "Whether obj can be called.", a -> {
      Object o = a.get("obj");
      if (o instanceof PyCallable || o instanceof org.tdsl.interp.PyClass) return true;
      if (o instanceof org.tdsl.interp.PyObject po) return po.pyClass().lookup("__call__") != org.tdsl.interp.PyClass.ABSENT;
      Protocol<Object> p = Values.isForeign(o) ? a.interpreter().builtins().protocolFor(o) : null;
      return p != null && isCallable(p, o);
    });
    b.register("vars", "vars(object)", "The attributes of object as a dict (a Namespace's own dict).", a -> {
      Object o = a.get("object");
      try {
        return a.interpreter().getAttr(o, "__dict__");
      } catch (TdslError e) {
        throw new TdslError("vars() argument must have __dict__ attribute");
      }
    });
  }

  /** A foreign value is callable when its protocol answers a call; asked without calling it, by its class. */
  private static boolean isCallable(Protocol<Object> p, Object o) {
    if (o instanceof PyModule m) return m.isCallable();
    try {
      return p.getClass().getMethod("call", Object.class, Args.class).getDeclaringClass() != Protocol.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static List<Iterator<Object>> iterators(List<Object> iterables, Interpreter ip) {
    List<Iterator<Object>> its = new ArrayList<>();
    for (Object x : iterables) its.add(Values.iterate(x, ip));
    return its;
  }

  private static Object zip(Args a) {
    List<Iterator<Object>> its = iterators(a.varargs("iterables").items(), a.interpreter());
    boolean strict = a.getBool("strict");
    return new PyIterator("zip", new ClosingIterator<>() {
      Boolean more;

      public boolean hasNext() {
        if (more != null) return more;
        if (its.isEmpty()) return more = false;
        for (int i = 0; i < its.size(); i++) {
          if (its.get(i).hasNext()) continue;
          if (strict) check(i);
          close();  // the longer ones are abandoned here
          return more = false;
        }
        return more = true;
      }

      /** zip(strict=True): the first iterable that ran out, against the others. */
      private void check(int empty) {
        if (empty > 0) {
          throw new TdslError("zip() argument " + (empty + 1) + " is shorter than argument" + (empty > 1 ? "s 1-" + empty : " 1"));
        }
        for (int j = 1; j < its.size(); j++) {
          if (its.get(j).hasNext()) {
            throw new TdslError("zip() argument " + (j + 1) + " is longer than argument" + (j > 1 ? "s 1-" + j : " 1"));
          }
        }
      }

      public void close() {
        for (Iterator<Object> i : its) ClosingIterator.closeIfClosing(i);
      }

      public Object next() {
        if (!hasNext()) throw new NoSuchElementException();
        more = null;
        List<Object> t = new ArrayList<>();
        for (Iterator<Object> i : its) t.add(i.next());
        return new PyTuple(t);
      }
    });
  }

  private static Object pow(Args a) {
    Object base = a.get("base");
    Object exp = a.get("exp");
    Object mod = a.get("mod");
    if (mod == null) return a.interpreter().binary(BinOp.POW, base, exp);
    boolean ints = (base instanceof Long || base instanceof Boolean) && (exp instanceof Long || exp instanceof Boolean)
        && (mod instanceof Long || mod instanceof Boolean);
    if (!ints) throw new TdslError("pow() 3rd argument not allowed unless all arguments are integers");
    BigInteger m = BigInteger.valueOf(Values.toIndex(mod));
    if (m.signum() == 0) throw new TdslError("pow() 3rd argument cannot be 0");
    BigInteger abs = m.abs();
    BigInteger r;
    try {
      r = BigInteger.valueOf(Values.toIndex(base)).modPow(BigInteger.valueOf(Values.toIndex(exp)), abs);
    } catch (ArithmeticException e) {
      throw new TdslError("base is not invertible for the given modulus");
    }
    if (m.signum() < 0 && r.signum() != 0) r = r.subtract(abs);
    return r.longValue();
  }

  private static Object radix(Args a, int radix, String prefix) {
    long x = Py.integer(a.get("x"), a.interpreter());
    String digits = BigInteger.valueOf(x).abs().toString(radix);
    return (x < 0 ? "-" : "") + prefix + digits;
  }
}
