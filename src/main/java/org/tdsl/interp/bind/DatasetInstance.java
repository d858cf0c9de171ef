package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tdsl.data.Dataset;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.PyClass;
import org.tdsl.interp.PyInstance;
import org.tdsl.interp.PyList;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.Tensor;

/**
 * An instance of a program's subclass of torch.utils.data.Dataset: a {@link Dataset} whose
 * length and items come from its {@code __len__} and {@code __getitem__}, so the DataLoader
 * batches it as it batches a TensorDataset. An item is a tuple of fields (tensors or
 * numbers: an int becomes an int64 tensor, a float a float32 one) or a single field.
 */
final class DatasetInstance extends PyInstance implements Dataset {
  private boolean single;

  DatasetInstance(PyClass cls, Interpreter interpreter) {
    super(cls, interpreter);
  }

  @Override
  public int len() {
    if (pyClass().lookup("__len__") == PyClass.ABSENT) {
      throw new TdslError("object of type '" + pyClass().name() + "' has no len()");
    }
    Object n = call("__len__");
    if (!(n instanceof Long l)) throw new TdslError("'" + Values.typeName(n) + "' object cannot be interpreted as an integer");
    return Math.toIntExact(l);
  }

  @Override
  public Tensor[] get(int index) {
    if (pyClass().lookup("__getitem__") == PyClass.ABSENT) {
      throw new TdslError("'" + pyClass().name() + "' object is not subscriptable");
    }
    Object item = call("__getitem__", (long) index);
    List<Object> fields = item instanceof PyTuple t ? t.items() : item instanceof PyList l ? l.items : null;
    single = fields == null;
    if (single) fields = List.of(item);
    List<Tensor> out = new ArrayList<>(fields.size());
    for (Object f : fields) out.add(field(f));
    return out.toArray(new Tensor[0]);
  }

  /** Whether items are tuples of fields (the loader yields tuples) or single values (it yields the batch). */
  @Override
  public boolean tupleItems() {
    return !single;
  }

  private Object call(String name, Object... args) {
    return interpreter().callValue(interpreter().getAttr(this, name), List.of(args), Map.of());
  }

  private Tensor field(Object v) {
    return switch (v) {
      case Tensor t -> t;
      case Long l -> Tensor.scalar(l);
      case Double d -> Tensor.scalar(d);
      case Boolean b -> Tensor.scalar(b);
      case PyList l -> Convert.fromData(l, null);
      case PyTuple t -> Convert.fromData(t, null);
      case null, default -> throw new TdslError("the DataLoader cannot batch a '" + Values.typeName(v, interpreter())
          + "' (tdsl batches tensors and numbers)");
    };
  }
}
