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
import org.tdsl.nn.Loss;
import org.tdsl.nn.Module;
import org.tdsl.nn.Recurrent;
import org.tdsl.nn.ModuleDict;
import org.tdsl.nn.ModuleList;
import org.tdsl.nn.Sequential;
import org.tdsl.tensor.Tensor;

/** A layer as the language sees it: callable, with its tensors and children as attributes. */
final class ModuleProtocol implements Protocol<Module> {
  private static final Signature FORWARD = Signature.parse("forward(input)");
  private static final Signature LOSS_FORWARD = Signature.parse("forward(input, target)");
  private static final Signature RECURRENT_FORWARD = Signature.parse("forward(input, hx=None)");

  private final MethodTable<Module> methods = new MethodTable<>();
  /** Methods of one kind of layer only: a container's append, a ModuleDict's keys, a loss's forward. */
  private final Map<Class<? extends Module>, MethodTable<Module>> own = new java.util.HashMap<>();

  ModuleProtocol() {
    def("parameters(recurse=True)", "The tensors an optimizer updates.",
        (m, a) -> new PyList(new ArrayList<>(m.parameters())));
    def("named_parameters()", "(name, tensor) pairs, named as in state_dict: 'conv1.weight', '0.bias'.",
        (m, a) -> {
          List<Object> pairs = new ArrayList<>();
          m.namedParameters().forEach((k, v) -> pairs.add(PyTuple.of(k, v)));
          return new PyList(pairs);
        });
    def("state_dict()", "The parameters and buffers by name (a dict of detached tensors sharing their data).",
        (m, a) -> {
          PyDict d = new PyDict();
          m.stateDict().forEach((k, v) -> d.put(k, v.detach()));
          return d;
        });
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
    def("named_children()", "(name, layer) pairs of the direct sub-layers.", (m, a) -> pairs(m.namedChildren()));
    def("modules()", "This layer and every layer inside it, depth first.",
        (m, a) -> new PyList(new ArrayList<>(m.namedModules().values())));
    def("named_modules()", "(name, layer) pairs: '' for this layer, dotted paths below ('features.0').",
        (m, a) -> pairs(m.namedModules()));
    def("buffers()", "The saved, untrained tensors (register_buffer) of this layer and the ones inside.",
        (m, a) -> new PyList(new ArrayList<>(m.namedBuffers().values())));
    def("named_buffers()", "(name, tensor) pairs of the buffers.", (m, a) -> pairs(m.namedBuffers()));
    def("apply(fn)", "Calls fn on every sub-layer, then on this one (e.g. to initialise weights); returns this layer.",
        (m, a) -> apply(m, a.get("fn"), a));
    def("register_buffer(name, tensor, persistent=True)", "Keeps tensor as state: saved in state_dict (when persistent), not trained.",
        (m, a) -> {
          Object t = a.get("tensor");
          if (t != null && !(t instanceof Tensor)) throw new TdslError("cannot assign '" + Values.typeName(t) + "' object to buffer '" + a.getString("name") + "' (torch Tensor or None required)");
          if (m instanceof ModuleInstance mi) mi.registerBufferChecked(a.getString("name"), (Tensor) t, a.getBool("persistent"));
          else m.registerBuffer(a.getString("name"), (Tensor) t, a.getBool("persistent"));
          return null;
        });
    def("register_parameter(name, param)", "Adds an nn.Parameter (or None) under name.",
        (m, a) -> {
          Object p = a.get("param");
          if (p != null && !(p instanceof Tensor t && t.isParameter())) {
            throw new TdslError("cannot assign '" + Values.typeName(p) + "' object to parameter '" + a.getString("name") + "' (torch.nn.Parameter or None required)");
          }
          m.forget(a.getString("name"));
          if (m instanceof ModuleInstance mi) mi.dict().remove(a.getString("name"));
          m.adoptParameter(a.getString("name"), (Tensor) p);
          return null;
        });
    def("add_module(name, module)", "Adds a sub-layer under name (what self.name = module does).",
        (m, a) -> addModule(m, a.getString("name"), a.get("module")));
    def("register_module(name, module)", "add_module.", (m, a) -> addModule(m, a.getString("name"), a.get("module")));
    def("requires_grad_(requires_grad=True)", "Turns gradients of every parameter on or off; returns this layer.",
        (m, a) -> {
          for (Tensor p : m.parameters()) p.setRequiresGrad(a.getBool("requires_grad"));
          return m;
        });
    def("float()", "Itself: tdsl's parameters are float32.", (m, a) -> m);
    def("extra_repr()", "The text inside the parentheses when the layer is printed.", (m, a) -> "");
    defFor(Loss.class, "forward(input, target)", "The loss of input against target.", (m, a) -> call(m, a));
    defFor(Recurrent.class, "forward(input, hx=None)", "(output, h_n), or (output, (h_n, c_n)) for an LSTM.",
        (m, a) -> call(m, a));
    defFor(Sequential.class, "append(module)", "Adds a layer at the end.",
        (m, a) -> ((Sequential) m).append(module(a.get("module"))));
    defFor(ModuleList.class, "append(module)", "Adds a layer at the end.",
        (m, a) -> ((ModuleList) m).append(module(a.get("module"))));
    defFor(ModuleList.class, "extend(modules)", "Adds each layer of an iterable at the end.", (m, a) -> {
      for (Object o : Values.toList(a.get("modules"), a.interpreter())) ((ModuleList) m).append(module(o));
      return m;
    });
    defFor(ModuleList.class, "insert(index, module)", "Puts a layer before index, renumbering the ones after.", (m, a) -> {
      ModuleList list = (ModuleList) m;
      int n = list.len(), at = Convert.toInt(a.get("index"), "index");
      at = Math.max(0, Math.min(n, at < 0 ? at + n : at));
      List<Module> after = new ArrayList<>();
      for (int i = at; i < n; i++) after.add(list.get(i));
      list.append(after.isEmpty() ? module(a.get("module")) : after.get(after.size() - 1));
      for (int i = n - 1; i > at; i--) list.set(i, after.get(i - 1 - at));
      if (!after.isEmpty()) list.set(at, module(a.get("module")));
      return null;
    });
    defFor(ModuleDict.class, "keys()", "The names, in insertion order.",
        (m, a) -> new PyList(new ArrayList<>(m.namedChildren().keySet())));
    defFor(ModuleDict.class, "values()", "The layers, in insertion order.", (m, a) -> new PyList(new ArrayList<>(m.children())));
    defFor(ModuleDict.class, "items()", "(name, layer) pairs, in insertion order.", (m, a) -> {
      List<Object> pairs = new ArrayList<>();
      m.namedChildren().forEach((k, v) -> pairs.add(PyTuple.of(k, v)));
      return new PyList(pairs);
    });
    defFor(ModuleDict.class, "pop(key)", "Removes a layer and returns it.", (m, a) -> ((ModuleDict) m).pop(a.getString("key")));
    defFor(ModuleDict.class, "update(modules)", "Adds (or replaces) layers from a dict or (name, layer) pairs.", (m, a) -> {
      ModuleDict d = (ModuleDict) m;
      if (a.get("modules") instanceof PyDict src) {
        for (Object k : src.keys()) d.put(String.valueOf(k), module(src.get(k)));
      } else {
        for (Object pair : Values.toList(a.get("modules"), a.interpreter())) {
          List<Object> kv = Convert.items(pair);
          if (kv == null || kv.size() != 2) throw new TdslError("ModuleDict update sequence element has to be a (name, module) pair");
          d.put(String.valueOf(kv.get(0)), module(kv.get(1)));
        }
      }
      return null;
    });
  }

  private static Module module(Object o) {
    if (!(o instanceof Module m)) throw new TdslError(Values.typeName(o) + " is not a Module subclass");
    return m;
  }

  private void def(String signature, String help, MethodTable.Method<Module> impl) {
    methods.method(signature, help, impl);
  }

  /** A method only modules of {@code type} have (a container's append, a ModuleDict's keys). */
  private void defFor(Class<? extends Module> type, String signature, String help, MethodTable.Method<Module> impl) {
    own.computeIfAbsent(type, t -> new MethodTable<>()).method(signature, help, impl);
  }

  /** The table of methods that self's own class adds to every module's; null when none. */
  private MethodTable<Module> ownTable(Module self) {
    return own.get(self.getClass());
  }

  private static PyList pairs(Map<String, ?> map) {
    List<Object> out = new ArrayList<>();
    map.forEach((k, v) -> out.add(PyTuple.of(k, v)));
    return new PyList(out);
  }

  /** PyTorch's Module.apply: children first (depth first), then the module itself. */
  private static Module apply(Module m, Object fn, Args a) {
    for (Module child : m.children()) apply(child, fn, a);
    a.call(fn, m);
    return m;
  }

  private static Object addModule(Module m, String name, Object module) {
    if (module != null && !(module instanceof Module)) throw new TdslError(Values.typeName(module) + " is not a Module subclass");
    m.forget(name);
    if (m instanceof ModuleInstance mi) mi.dict().remove(name);
    m.registerModule(name, (Module) module);
    return null;
  }

  @Override public String typeName(Module self) { return self.typeName(); }

  /** PyTorch's file for each layer: {@code torch.nn.modules.linear.Linear}. */
  private static final Map<String, String> FILES = Map.ofEntries(
      Map.entry("Linear", "linear"), Map.entry("Conv2d", "conv"), Map.entry("Sequential", "container"),
      Map.entry("Flatten", "flatten"), Map.entry("Dropout", "dropout"), Map.entry("Dropout2d", "dropout"),
      Map.entry("MaxPool2d", "pooling"), Map.entry("AvgPool2d", "pooling"), Map.entry("ReLU", "activation"),
      Map.entry("Sigmoid", "activation"), Map.entry("Tanh", "activation"), Map.entry("Softmax", "activation"),
      Map.entry("LogSoftmax", "activation"), Map.entry("CrossEntropyLoss", "loss"), Map.entry("MSELoss", "loss"),
      Map.entry("NLLLoss", "loss"), Map.entry("L1Loss", "loss"), Map.entry("SmoothL1Loss", "loss"),
      Map.entry("HuberLoss", "loss"), Map.entry("BCELoss", "loss"), Map.entry("BCEWithLogitsLoss", "loss"),
      Map.entry("KLDivLoss", "loss"), Map.entry("ModuleList", "container"), Map.entry("ModuleDict", "container"),
      Map.entry("Identity", "linear"), Map.entry("Embedding", "sparse"), Map.entry("BatchNorm1d", "batchnorm"),
      Map.entry("BatchNorm2d", "batchnorm"), Map.entry("LayerNorm", "normalization"),
      Map.entry("GroupNorm", "normalization"), Map.entry("Dropout1d", "dropout"),
      Map.entry("AdaptiveAvgPool2d", "pooling"), Map.entry("ConvTranspose2d", "conv"), Map.entry("RNN", "rnn"),
      Map.entry("GRU", "rnn"), Map.entry("LSTM", "rnn"));

  @Override public String className(Module self) {
    String file = FILES.get(self.typeName());
    return file == null ? self.typeName() : "torch.nn.modules." + file + "." + self.typeName();
  }

  @Override public Object call(Module self, Args args) {
    if (self instanceof Loss loss) {
      Args a = args.bind(LOSS_FORWARD);
      return loss.forward(Convert.tensor(a.get("input"), self.typeName(), "input"),
          Convert.tensor(a.get("target"), self.typeName(), "target"));
    }
    if (self instanceof Recurrent rnn) return recurrent(rnn, args.bind(RECURRENT_FORWARD));
    Args a = args.bind(FORWARD);
    return self.call(Convert.tensor(a.get("input"), self.typeName(), "input"));
  }

  /** {@code lstm(x, (h0, c0))} gives {@code (output, (h_n, c_n))}; RNN and GRU take and give h alone. */
  private static Object recurrent(Recurrent rnn, Args a) {
    Tensor input = Convert.tensor(a.get("input"), rnn.typeName(), "input");
    Object hx = a.get("hx");
    Tensor h0 = null, c0 = null;
    if (hx != null && rnn.mode == Recurrent.Mode.LSTM) {
      List<Object> pair = Convert.items(hx);
      if (pair == null || pair.size() != 2) throw new TdslError("LSTM expects hx as a tuple (h_0, c_0)");
      h0 = Convert.tensor(pair.get(0), "LSTM", "hx");
      c0 = Convert.tensor(pair.get(1), "LSTM", "hx");
    } else if (hx != null) {
      h0 = Convert.tensor(hx, rnn.typeName(), "hx");
    }
    Tensor[] out = rnn.run(input, h0, c0);
    return out.length == 3 ? PyTuple.of(out[0], PyTuple.of(out[1], out[2])) : PyTuple.of(out[0], out[1]);
  }

  @Override public Object getAttr(Module self, String name) {
    MethodTable<Module> table = ownTable(self);
    Object m = table == null ? UNSUPPORTED : table.get(self, name);
    if (m == UNSUPPORTED) m = methods.get(self, name);
    if (m != UNSUPPORTED) return m;
    if (name.equals("training")) return self.isTraining();
    if (self.hasParameter(name) || self.hasBuffer(name) || self.child(name) != null) return self.getAttr(name);
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
    MethodTable<Module> table = ownTable(self);
    if (table != null) for (String n : table.names()) if (!names.contains(n)) names.add(n);
    names.add("training");
    names.addAll(self.namedParameters().keySet().stream().filter(n -> !n.contains(".")).toList());
    names.addAll(self.namedBuffers().keySet().stream().filter(n -> !n.contains(".")).toList());
    if (!(self instanceof ModuleList) && !(self instanceof ModuleDict)) names.addAll(self.namedChildren().keySet());
    return names;
  }

  @Override public Object getItem(Module self, Object index) {
    if (self instanceof ModuleDict d) {
      Module m = d.get(String.valueOf(index));
      if (m == null) throw new TdslError("KeyError: " + Values.repr(index));
      return m;
    }
    if (self instanceof ModuleList list) {
      if (index instanceof Slice sl) {
        int[] b = Convert.sliceBounds(sl, list.len());
        return list.slice(b[0], b[1], b[2]);
      }
      return list.get((int) Values.toIndex(index));
    }
    if (!(self instanceof Sequential s)) return UNSUPPORTED;
    if (index instanceof Slice sl) {
      int[] b = Convert.sliceBounds(sl, s.len());
      return s.slice(b[0], b[1], b[2]);
    }
    long i = Values.toIndex(index);
    if (i < -s.len() || i >= s.len()) throw new TdslError("index " + i + " is out of range");
    return s.get((int) i);
  }

  @Override public boolean setItem(Module self, Object index, Object value) {
    if (self instanceof ModuleDict d) d.put(String.valueOf(index), module(value));
    else if (self instanceof ModuleList list) list.set((int) Values.toIndex(index), module(value));
    else return false;
    return true;
  }

  @Override public long len(Module self) {
    if (self instanceof ModuleList list) return list.len();
    if (self instanceof ModuleDict d) return d.len();
    return self instanceof Sequential s ? s.len() : -1;
  }

  /** A Sequential and a ModuleList iterate over their layers; a ModuleDict, like a dict, over its keys. */
  @Override public Iterator<Object> iterate(Module self) {
    if (self instanceof ModuleDict d) return new ArrayList<Object>(d.namedChildren().keySet()).iterator();
    return self instanceof Sequential || self instanceof ModuleList ? new ArrayList<Object>(self.children()).iterator() : null;
  }

  @Override public String repr(Module self) { return self.toString(); }
}
