package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.autograd.Torch;
import org.tdsl.interp.Items;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.PyList;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/**
 * torch.utils.data's default_collate: a list of samples becomes one batch. Tensors are stacked
 * along a new first dim; numbers become a tensor (ints int64, bools bool, floats float32 —
 * PyTorch makes float64, which tdsl does not have yet); strings stay a list; a dict's values and
 * a tuple's or list's positions are collated one by one (tuples come back as lists, as in PyTorch).
 */
final class Collate {
  private Collate() {}

  static Object collate(List<Object> batch, Interpreter ip) {
    Object first = batch.get(0);
    if (first instanceof Tensor) {
      List<Tensor> ts = new ArrayList<>(batch.size());
      for (Object o : batch) ts.add(Convert.tensor(o, "default_collate", "batch"));
      return Torch.stack(ts, 0);
    }
    if (first instanceof Boolean || first instanceof Long || first instanceof Double) {
      DType dtype = first instanceof Boolean ? DType.BOOL : first instanceof Long ? DType.INT64 : DType.FLOAT32;
      return Convert.fromData(new PyList(new ArrayList<>(batch)), dtype);
    }
    if (first instanceof String) return new PyList(new ArrayList<>(batch));
    if (first instanceof PyDict d) {
      PyDict out = new PyDict();
      for (Object key : d.keys()) {
        List<Object> column = new ArrayList<>(batch.size());
        for (Object sample : batch) column.add(Items.getItem(sample, key, ip));
        out.put(key, collate(column, ip));
      }
      return out;
    }
    List<Object> fields = first instanceof PyTuple t ? t.items() : first instanceof PyList l ? l.items : null;
    if (fields != null) {
      List<Object> out = new ArrayList<>(fields.size());
      for (int f = 0; f < fields.size(); f++) {
        List<Object> column = new ArrayList<>(batch.size());
        for (Object sample : batch) {
          List<Object> items = Convert.items(sample);
          if (items == null || items.size() != fields.size()) {
            throw new TdslError("each element in list of batch should be of equal size");
          }
          column.add(items.get(f));
        }
        out.add(collate(column, ip));
      }
      return new PyList(out);
    }
    throw new TdslError("default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found "
        + Values.typeName(first, ip));
  }
}
