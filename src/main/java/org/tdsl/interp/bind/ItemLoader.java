package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.tdsl.interp.Items;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.MethodTable;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyCallable;
import org.tdsl.interp.PyList;
import org.tdsl.interp.Values;
import org.tdsl.tensor.Tensor;

/**
 * A DataLoader over any dataset the interpreter can index: a user's class with __len__ and
 * __getitem__, a Subset of one, a list. Each batch is built item by item through the
 * interpreter, then collated (default_collate, or the collate_fn given). Datasets of tensors
 * without a collate_fn take TrainingOps.Loader instead, which copies whole rows.
 *
 * @param batchSize null: no batching, each item as it is (PyTorch's batch_size=None)
 * @param sampler   an iterable of indices, or null: 0..n-1 (shuffled when shuffle)
 */
record ItemLoader(Object dataset, Integer batchSize, boolean shuffle, boolean dropLast, Object collateFn, Object sampler,
                  Object generator, PyCallable len, Interpreter ip) {

  int size() { return (int) Values.toIndex(ip.callValue(len, List.of(dataset), Map.of())); }

  long batches() {
    long n = sampler != null ? Values.toIndex(ip.callValue(len, List.of(sampler), Map.of())) : size();
    if (batchSize == null) return n;
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  private List<Object> order() {
    List<Object> order = new ArrayList<>();
    if (sampler != null) {
      Iterator<Object> it = Values.iterate(sampler, ip);
      while (it.hasNext()) order.add(it.next());
      return order;
    }
    int n = size();
    if (shuffle) {
      Tensor perm = Generators.draw(generator, () -> Tensor.randperm(n));
      for (long i : perm.toLongArray()) order.add(i);
    } else {
      for (long i = 0; i < n; i++) order.add(i);
    }
    return order;
  }

  Iterator<Object> iterator() {
    List<Object> order = order();
    int step = batchSize == null ? 1 : batchSize;
    int count = (int) (batchSize == null ? order.size() : dropLast ? order.size() / step : (order.size() + step - 1) / step);
    return new Iterator<>() {
      int next = 0;

      @Override public boolean hasNext() { return next < count; }

      @Override public Object next() {
        if (!hasNext()) throw new NoSuchElementException();
        int start = next++ * step;
        if (batchSize == null) return Items.getItem(dataset, order.get(start), ip);
        List<Object> samples = new ArrayList<>(step);
        for (int k = start; k < Math.min(start + step, order.size()); k++) samples.add(Items.getItem(dataset, order.get(k), ip));
        if (collateFn != null) return ip.callValue(collateFn, List.of(new PyList(samples)), Map.of());
        return Collate.collate(samples, ip);
      }
    };
  }

  static final Protocol<ItemLoader> PROTOCOL = new Protocol<>() {
    @Override public String typeName(ItemLoader self) { return "DataLoader"; }

    @Override public String className(ItemLoader self) { return "torch.utils.data.dataloader.DataLoader"; }

    @Override public long len(ItemLoader self) { return self.batches(); }

    @Override public Iterator<Object> iterate(ItemLoader self) { return self.iterator(); }

    private static final MethodTable<ItemLoader> ATTRIBUTES = new MethodTable<ItemLoader>()
        .attribute("dataset", self -> self.dataset)
        .attribute("batch_size", self -> self.batchSize == null ? null : (Object) (long) self.batchSize)
        .attribute("drop_last", self -> self.dropLast);

    @Override public Object getAttr(ItemLoader self, String name) { return ATTRIBUTES.get(self, name); }

    @Override public List<String> attributeNames(ItemLoader self) { return ATTRIBUTES.names(); }

    @Override public String repr(ItemLoader self) { return "<torch.utils.data.dataloader.DataLoader object>"; }
  };
}
