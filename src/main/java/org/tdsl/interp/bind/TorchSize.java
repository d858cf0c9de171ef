package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.Slice;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.syntax.BinOp;
import org.tdsl.syntax.CmpOp;

/** A tensor's shape: a tuple of ints that prints as PyTorch's {@code torch.Size([3, 4])}. */
record TorchSize(int[] dims) {
  PyTuple asTuple() {
    List<Object> items = new ArrayList<>(dims.length);
    for (int d : dims) items.add((long) d);
    return new PyTuple(items);
  }

  @Override public boolean equals(Object o) {
    return o instanceof TorchSize s && Arrays.equals(dims, s.dims);
  }

  @Override public int hashCode() { return Arrays.hashCode(dims); }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("torch.Size([");
    for (int i = 0; i < dims.length; i++) sb.append(i > 0 ? ", " : "").append(dims[i]);
    return sb.append("])").toString();
  }

  /** Python's seq[start:stop:step] on the dims. */
  private static int[] slice(int[] dims, Slice s) {
    int[] b = Convert.sliceBounds(s, dims.length);
    List<Integer> out = new ArrayList<>();
    for (int i = b[0]; b[2] > 0 ? i < b[1] : i > b[1]; i += b[2]) out.add(dims[i]);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  static final Protocol<TorchSize> PROTOCOL = new Protocol<>() {
    @Override public String typeName(TorchSize self) { return "Size"; }

    @Override public long len(TorchSize self) { return self.dims.length; }

    @Override public Iterator<Object> iterate(TorchSize self) { return self.asTuple().items().iterator(); }

    @Override public Object getItem(TorchSize self, Object index) {
      if (index instanceof Slice s) return new TorchSize(slice(self.dims, s));
      long i = Values.toIndex(index);
      long n = self.dims.length;
      if (i < -n || i >= n) throw new TdslError("tuple index out of range");
      return (long) self.dims[(int) (i < 0 ? i + n : i)];
    }

    @Override public Object compare(TorchSize self, CmpOp op, Object other) {
      List<Object> items = Convert.items(other);
      if (items == null || !(op == CmpOp.EQ || op == CmpOp.NE)) return UNSUPPORTED;
      boolean eq = Values.equal(self.asTuple(), new PyTuple(items));
      return op == CmpOp.EQ ? eq : !eq;
    }

    @Override public Object binary(TorchSize self, BinOp op, Object other, boolean reflected) {
      List<Object> items = Convert.items(other);
      if (op != BinOp.ADD || items == null) return UNSUPPORTED;
      List<Object> all = new ArrayList<>(reflected ? items : self.asTuple().items());
      all.addAll(reflected ? self.asTuple().items() : items);
      return new TorchSize(Convert.ints(new PyTuple(all), "size"));
    }

    @Override public List<String> attributeNames(TorchSize self) { return List.of("numel"); }

    @Override public Object getAttr(TorchSize self, String name) {
      if (name.equals("numel")) {
        return new org.tdsl.interp.Builtin("numel", "numel()", "The number of elements.", a -> {
          long n = 1;
          for (int d : self.dims) n *= d;
          return n;
        });
      }
      return UNSUPPORTED;
    }
  };
}
