package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.interp.Items;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.MethodTable;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyList;
import org.tdsl.interp.Values;

/**
 * {@code Subset(dataset, indices)} over any dataset the interpreter can index (a user's
 * class, a list): item i is dataset[indices[i]]. Datasets of tensors get data.Subset instead.
 */
record ItemSubset(Object dataset, List<Object> indices, Interpreter ip) {
  static final Protocol<ItemSubset> PROTOCOL = new Protocol<>() {
    @Override public String typeName(ItemSubset self) { return "Subset"; }

    @Override public String className(ItemSubset self) { return "torch.utils.data.dataset.Subset"; }

    @Override public long len(ItemSubset self) { return self.indices.size(); }

    @Override public Object getItem(ItemSubset self, Object index) {
      long i = Values.toIndex(index);
      int n = self.indices.size();
      if (i < -n || i >= n) throw new IndexOutOfBoundsException("list index out of range");
      return Items.getItem(self.dataset, self.indices.get((int) (i < 0 ? i + n : i)), self.ip);
    }

    @Override public java.util.Iterator<Object> iterate(ItemSubset self) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < self.indices.size(); i++) items.add(getItem(self, (long) i));
      return items.iterator();
    }

    private static final MethodTable<ItemSubset> ATTRIBUTES = new MethodTable<ItemSubset>()
        .attribute("dataset", self -> self.dataset)
        .attribute("indices", self -> new PyList(new ArrayList<>(self.indices)));

    @Override public Object getAttr(ItemSubset self, String name) { return ATTRIBUTES.get(self, name); }

    @Override public List<String> attributeNames(ItemSubset self) { return ATTRIBUTES.names(); }

    @Override public String repr(ItemSubset self) { return "<torch.utils.data.dataset.Subset object>"; }
  };
}
