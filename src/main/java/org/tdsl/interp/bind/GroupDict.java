package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.PyTuple;
import org.tdsl.nn.ParamGroup;

/**
 * A parameter group's options kept in the Python dict the user sees in
 * {@code optimizer.param_groups}: one store, so {@code g["lr"] = 0.1} is what the next step
 * reads and a scheduler's change is what {@code print(g["lr"])} shows.
 */
final class GroupDict implements ParamGroup.Options {
  final PyDict dict;

  private GroupDict(PyDict dict) { this.dict = dict; }

  /** Backs every group of the optimizer not yet backed by a dict ('params' first, as PyTorch's). */
  static void back(org.tdsl.nn.Optimizer optimizer) {
    for (ParamGroup g : optimizer.paramGroups()) {
      if (g.options() instanceof GroupDict) continue;
      PyDict d = new PyDict();
      d.put("params", new org.tdsl.interp.PyList(new ArrayList<>(g.params())));
      g.backWith(new GroupDict(d));
    }
  }

  static PyDict dictOf(ParamGroup g) { return ((GroupDict) g.options()).dict; }

  @Override public Object get(String key) {
    Object v = dict.get(key);
    return v instanceof PyTuple t ? t.items() : v;
  }

  /** Java lists become tuples (betas); a zero option other than lr is Python's int 0, as PyTorch's defaults. */
  @Override public void put(String key, Object value) {
    if (value instanceof List<?> l) value = new PyTuple(new ArrayList<>(l));
    if (value instanceof Double d && d == 0 && !key.equals("lr")) value = 0L;
    dict.put(key, value);
  }

  @Override public boolean has(String key) { return dict.containsKey(key); }

  @Override public List<String> keys() {
    List<String> out = new ArrayList<>();
    for (Object k : dict.keys()) out.add(String.valueOf(k));
    return out;
  }
}
