package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.interp.Args;
import org.tdsl.interp.MethodTable;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.PyList;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.Signature;
import org.tdsl.interp.Slice;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.nn.Module;
import org.tdsl.nn.Sequential;
import org.tdsl.tensor.Tensor;

/** A layer as the language sees it: callable, with its tensors and children as attributes. */
final class ModuleProtocol implements Protocol<Module> {
  private static final Signature FORWARD = Signature.parse("forward(input)");

  private final MethodTable<Module> methods = new MethodTable<>();

  ModuleProtocol() {
    def("parameters(recurse=True)", "The tensors an optimizer updates.",
        (m, a) -> new PyList(new ArrayList<>(m.parameters())));
    def("named_parameters()", "(name, tensor) pairs, named as in state_dict: 'conv1.weight', '0.bias'.",
        (m, a) -> {
          List<Object> pairs = new ArrayList<>();
          m.namedParameters().forEach((k, v) -> pairs.add(PyTuple.of(k, v)));
          return new PyList(pairs);
        });
    def("state_dict()", "The parameters by name (a dict).", (m, a) -> dict(m.stateDict()));
    def("load_state_dict(state_dict)", "Copies tensors in by name, checking names and shapes.",
        (m, a) -> {
          Map<String, Tensor> state = new LinkedHashMap<>();
          if (!(a.get("state_dict") instanceof PyDict d)) throw new TdslError("load_state_dict() expects a dict");
          for (Object k : d.keys()) state.put(String.valueOf(k), Convert.tensor(d.get(k), "load_state_dict", "state_dict"));
          m.loadStateDict(state);
          return null;
        });
    def("train(mode=True)", "Training mode: dropout active.", (m, a) -> m.train(a.getBool("mode")));
    def("eval()", "Evaluation mode: dropout off.", (m, a) -> m.eval());
    def("to(*args, device=None, dtype=None)", "Itself, after checking the device is the CPU (tdsl's parameters are float32).",
        (m, a) -> {
          if (a.get("device") != null) Device.usable(a.get("device"));
          for (Object arg : a.varargs("args").items()) {
            if (!Device.checkedIfDevice(arg) && Convert.dtype(arg) != org.tdsl.tensor.DType.FLOAT32) {
              throw new TdslError("tdsl layers keep float32 parameters");
            }
          }
          return m;
        });
    def("cpu()", "Itself: tdsl computes on the CPU.", (m, a) -> m);
    def("cuda(device=None)", "Fails: tdsl has no CUDA.", (m, a) -> Device.usable("cuda"));
    def("zero_grad(set_to_none=True)", "Clears the parameters' gradients.",
        (m, a) -> {
          for (Tensor p : m.parameters()) {
            if (a.getBool("set_to_none")) p.setGrad(null);
            else if (p.grad() != null) p.grad().fillRaw(0);
          }
          return null;
        });
    def("forward(input)", "The layer applied to input.", (m, a) -> m.call(Convert.tensor(a.get("input"), "forward", "input")));
    def("children()", "The direct sub-layers.", (m, a) -> new PyList(new ArrayList<>(m.children())));
    def("append(module)", "Adds a layer at the end (Sequential).", (m, a) -> {
      if (!(m instanceof Sequential s) || !(a.get("module") instanceof Module added)) throw new TdslError("append() needs a Sequential and a Module");
      return s.append(added);
    });
  }

  private void def(String signature, String help, MethodTable.Method<Module> impl) {
    methods.method(signature, help, impl);
  }

  private static PyDict dict(Map<String, Tensor> map) {
    PyDict d = new PyDict();
    map.forEach(d::put);
    return d;
  }

  @Override public String typeName(Module self) { return self.typeName(); }

  @Override public Object call(Module self, Args args) {
    Args a = args.bind(FORWARD);
    return self.call(Convert.tensor(a.get("input"), self.typeName(), "input"));
  }

  @Override public Object getAttr(Module self, String name) {
    Object m = methods.get(self, name);
    if (m != UNSUPPORTED) return m;
    if (name.equals("training")) return self.isTraining();
    if (self.hasParameter(name) || self.child(name) != null) return self.getAttr(name);
    return UNSUPPORTED;
  }

  @Override public boolean setAttr(Module self, String name, Object value) {
    if (self.hasParameter(name)) {
      if (value != null && !(value instanceof Tensor)) {
        throw new TdslError("cannot assign '" + Values.typeName(value) + "' as parameter '" + name + "' (torch.nn.Parameter or None expected)");
      }
      self.setParameter(name, (Tensor) value);
      return true;
    }
    return false;
  }

  @Override public List<String> attributeNames(Module self) {
    List<String> names = methods.names();
    names.add("training");
    names.addAll(self.namedParameters().keySet().stream().filter(n -> !n.contains(".")).toList());
    names.addAll(self.namedChildren().keySet());
    return names;
  }

  @Override public Object getItem(Module self, Object index) {
    if (!(self instanceof Sequential s)) return UNSUPPORTED;
    if (index instanceof Slice sl) {
      int[] b = Convert.sliceBounds(sl, s.len());
      return s.slice(b[0], b[1], b[2]);
    }
    long i = Values.toIndex(index);
    if (i < -s.len() || i >= s.len()) throw new TdslError("index " + i + " is out of range");
    return s.get((int) i);
  }

  @Override public long len(Module self) {
    return self instanceof Sequential s ? s.len() : -1;
  }

  @Override public Iterator<Object> iterate(Module self) {
    return self instanceof Sequential s ? new ArrayList<Object>(s.children()).iterator() : null;
  }

  @Override public String repr(Module self) { return self.toString(); }
}
