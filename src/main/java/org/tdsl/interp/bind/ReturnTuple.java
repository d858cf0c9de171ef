package org.tdsl.interp.bind;

import java.util.Iterator;
import java.util.List;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/**
 * PyTorch's named tuples for results such as {@code max(dim=)}: unpack them as
 * {@code values, indices = t.max(dim=1)} or read {@code .values} and {@code .indices}.
 */
record ReturnTuple(String name, List<String> fields, List<Object> values) {
  static ReturnTuple of(String name, Object values, Object indices) {
    return new ReturnTuple(name, List.of("values", "indices"), List.of(values, indices));
  }

  static final Protocol<ReturnTuple> PROTOCOL = new Protocol<>() {
    @Override public String typeName(ReturnTuple self) { return "torch.return_types." + self.name; }

    @Override public long len(ReturnTuple self) { return self.values.size(); }

    @Override public Iterator<Object> iterate(ReturnTuple self) { return self.values.iterator(); }

    @Override public Object getItem(ReturnTuple self, Object index) {
      long i = Values.toIndex(index);
      int n = self.values.size();
      if (i < -n || i >= n) throw new TdslError("tuple index out of range");
      return self.values.get((int) (i < 0 ? i + n : i));
    }

    @Override public Object getAttr(ReturnTuple self, String name) {
      int i = self.fields.indexOf(name);
      return i < 0 ? UNSUPPORTED : self.values.get(i);
    }

    @Override public List<String> attributeNames(ReturnTuple self) { return self.fields; }

    @Override public String repr(ReturnTuple self) {
      StringBuilder sb = new StringBuilder("torch.return_types.").append(self.name).append("(");
      for (int i = 0; i < self.fields.size(); i++) {
        sb.append(i > 0 ? ",\n" : "\n").append(self.fields.get(i)).append('=').append(Values.repr(self.values.get(i)));
      }
      return sb.append(")").toString();
    }
  };
}
