package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Ellipsis;
import org.tdsl.interp.PyList;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.Slice;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Index;
import org.tdsl.tensor.Tensor;

/** Turns interpreter values into the arguments the tensor library takes, and back. */
final class Convert {
  private Convert() {}

  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double || v instanceof Boolean;
  }

  /** A tensor operand: tensors as they are, Python numbers as wrapped 0-d tensors (PyTorch's promotion). */
  static Tensor operand(Object v, String fn) {
    if (v instanceof Tensor t) return t;
    if (v instanceof Long l) return Tensor.wrap(l);
    if (v instanceof Double d) return Tensor.wrap(d);
    if (v instanceof Boolean b) return Tensor.wrap(b);
    throw new TdslError(fn + "(): argument must be Tensor or a number, not " + Values.typeName(v));
  }

  static Tensor tensor(Object v, String fn, String param) {
    if (v instanceof Tensor t) return t;
    throw new TdslError((fn == null ? "" : fn + "(): ") + "argument '" + param + "' must be Tensor, not " + Values.typeName(v));
  }

  /** A tensor made from data: a tensor, a number, or nested lists/tuples of numbers. */
  static Tensor fromData(Object data, DType dtype) {
    if (data instanceof Tensor t) return dtype == null ? t.clone() : t.to(dtype);
    return Tensor.fromNested(toJava(data), dtype);
  }

  /** Nested PyList/PyTuple/torch.Size become java.util.Lists; everything else stays. */
  static Object toJava(Object v) {
    List<Object> items = items(v);
    if (items == null) return v;
    List<Object> out = new ArrayList<>(items.size());
    for (Object o : items) out.add(toJava(o));
    return out;
  }

  /** The items of a list, tuple or torch.Size, or null when v is none of them. */
  static List<Object> items(Object v) {
    if (v instanceof PyList l) return l.items;
    if (v instanceof PyTuple t) return t.items();
    if (v instanceof TorchSize s) return s.asTuple().items();
    return null;
  }

  /** Java results into interpreter values: lists become PyLists, Integer becomes Long. */
  static Object fromJava(Object v) {
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) out.add(fromJava(o));
      return new PyList(out);
    }
    if (v instanceof Integer i) return (long) i;
    if (v instanceof Float f) return (double) f;
    return v;
  }

  static int toInt(Object v, String what) {
    if (v instanceof Long l) {
      if (l != (int) (long) l) throw new TdslError(what + " " + l + " is out of range");
      return (int) (long) l;
    }
    if (v instanceof Boolean b) return b ? 1 : 0;
    if (v instanceof Tensor t && t.numel() == 1 && t.dtype() != DType.FLOAT32) return toInt(t.getLong(0), what);
    throw new TdslError(what + " must be int, not " + Values.typeName(v));
  }

  /**
   * A shape given the ways PyTorch accepts one: as separate ints ({@code zeros(2, 3)}) or as
   * one tuple, list or torch.Size ({@code zeros((2, 3))}).
   */
  static int[] shape(PyTuple varargs, String fn) {
    List<Object> items = varargs.items();
    if (items.size() == 1 && items(items.get(0)) != null) items = items(items.get(0));
    int[] shape = new int[items.size()];
    for (int i = 0; i < shape.length; i++) shape[i] = toInt(items.get(i), fn + "(): size");
    return shape;
  }

  static int[] ints(Object v, String what) {
    List<Object> items = items(v);
    if (items == null) return new int[] {toInt(v, what)};
    int[] out = new int[items.size()];
    for (int i = 0; i < out.length; i++) out[i] = toInt(items.get(i), what);
    return out;
  }

  /** dim=None, dim=1 or dim=(0, 2): null means all dims. */
  static int[] dims(Object v) {
    return v == null ? null : ints(v, "dim");
  }

  static DType dtype(Object v) {
    if (v == null || v instanceof DType) return (DType) v;
    // PyTorch takes Python's types for dtypes too: dtype=bool, dtype=int (float is float32 here, see docs/CHOICES.md)
    if (v instanceof Builtin b) {
      switch (b.name()) {
        case "bool" -> { return DType.BOOL; }
        case "int" -> { return DType.INT64; }
        case "float" -> { return DType.FLOAT32; }
        default -> { }
      }
    }
    throw new TdslError("dtype must be torch.dtype, not " + Values.typeName(v));
  }

  static Double optionalDouble(Object v, String what) {
    if (v == null) return null;
    if (v instanceof Tensor t && t.numel() == 1) return t.itemDouble();
    if (isNumber(v)) return Values.toDouble(v);
    throw new TdslError(what + " must be a number, not " + Values.typeName(v));
  }

  /** t[...]: the interpreter's index value as the tensor library's index items. */
  static List<Index> index(Object index) {
    List<Index> out = new ArrayList<>();
    if (index instanceof PyTuple t) {
      for (Object item : t.items()) out.add(indexItem(item));
    } else {
      out.add(indexItem(index));
    }
    return out;
  }

  private static Index indexItem(Object item) {
    if (item == null) return Index.NEW_AXIS;
    if (item == Ellipsis.INSTANCE) return Index.ELLIPSIS;
    if (item instanceof Long l) return Index.at(l);
    if (item instanceof Boolean b) return Index.take(Tensor.of(new boolean[] {b}));
    if (item instanceof Slice s) {
      return Index.slice(sliceBound(s.start()), sliceBound(s.stop()), sliceBound(s.step()));
    }
    if (item instanceof Tensor t) {
      if (t.dtype() == DType.FLOAT32) {
        throw new TdslError("tensors used as indices must be long, byte or bool tensors");
      }
      return Index.take(t);
    }
    if (item instanceof PyList l) return Index.take(Tensor.fromNested(toJava(l), null));
    throw new TdslError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got "
        + Values.typeName(item) + ")");
  }

  /** Python's slice.indices(n): {start, stop, step}, walked as {@code for (i = start; i < stop (> for step < 0); i += step)}. */
  static int[] sliceBounds(Slice s, int n) {
    long step = s.step() == null ? 1 : Values.toIndex(s.step());
    if (step == 0) throw new TdslError("slice step cannot be zero");
    long lower = step < 0 ? -1 : 0, upper = step < 0 ? n - 1 : n;
    long start = s.start() == null ? (step < 0 ? upper : lower) : clamp(Values.toIndex(s.start()), n, lower, upper);
    long stop = s.stop() == null ? (step < 0 ? lower : upper) : clamp(Values.toIndex(s.stop()), n, lower, upper);
    return new int[] {(int) start, (int) stop, (int) step};
  }

  private static long clamp(long i, long n, long lower, long upper) {
    if (i < 0) i += n;
    return Math.max(lower, Math.min(upper, i));
  }

  private static Integer sliceBound(Object v) {
    if (v == null) return null;
    long l = v instanceof Tensor t ? t.getLong(0) : Values.toIndex(v);
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
  }
}
