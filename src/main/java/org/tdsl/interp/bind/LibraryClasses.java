package org.tdsl.interp.bind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.data.Dataset;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.PyClass;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.PyObject;
import org.tdsl.interp.TdslError;
import org.tdsl.nn.Module;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/**
 * The library's classes as the language sees them: nn.Module and torch.utils.data.Dataset,
 * which programs subclass, and torch.Tensor and nn.Parameter, which isinstance and type()
 * name. A subclass of nn.Module makes {@link ModuleInstance}s, of Dataset {@link DatasetInstance}s.
 */
final class LibraryClasses {
  private LibraryClasses() {}

  static void install(Builtins b, Namespace torch, Namespace nn, Builtin dataLoader, Builtin tensorDataset) {
    PyClass module = PyClass.library("Module", "torch.nn.modules.module", PyClass.OBJECT, v -> v instanceof Module, ModuleInstance::new);
    module.defineNative("__init__(self)", a -> null);
    module.defineNative("__call__(self, *args, **kwargs)", a -> {
      Object self = a.get("self");
      Interpreter ip = a.interpreter();
      if (self instanceof PyObject o && o.pyClass().lookup("forward") == PyClass.ABSENT) {
        throw new TdslError("Module [" + o.pyClass().name() + "] is missing the required \"forward\" function");
      }
      Object forward = ip.getAttr(self, "forward");
      return ip.callValue(forward, a.varargs("args").items(), kwargs(a));
    });
    module.defineNative("__repr__(self)", a -> a.get("self") instanceof ModuleInstance m ? m.moduleRepr() : String.valueOf(a.get("self")));
    module.defineNative("__setattr__(self, name, value)", a -> {
      if (!(a.get("self") instanceof ModuleInstance m)) throw new TdslError("Module.__setattr__() needs a module of a program's class");
      m.setNative(a.getString("name"), a.get("value"));
      return null;
    });

    PyClass tensor = PyClass.wrapper("Tensor", "torch", PyClass.OBJECT, v -> v instanceof Tensor,
        TensorClassOps.constructor("Tensor", DType.FLOAT32));
    PyClass parameter = PyClass.wrapper("Parameter", "torch.nn.parameter", tensor, v -> v instanceof Tensor t && t.isParameter(),
        new Builtin("Parameter", "Parameter(data=None, requires_grad=True)",
            "A tensor that a module registers for training when it is assigned to one of its attributes.", a -> {
              Object data = a.get("data");
              Tensor t = data == null ? Tensor.zeros(DType.FLOAT32, new int[] {0}) : Convert.tensor(data, "Parameter", "data").detach();
              if (a.getBool("requires_grad") && !t.dtype().isFloatingPoint()) {
                throw new TdslError("Only Tensors of floating point and complex dtype can require gradients");
              }
              t.setRequiresGrad(a.getBool("requires_grad"));
              t.setParameter(true);
              return t;
            }));
    PyClass dataset = PyClass.library("Dataset", "torch.utils.data.dataset", PyClass.OBJECT, v -> v instanceof Dataset, DatasetInstance::new);

    nn.put("Module", module);
    nn.put("Parameter", parameter);
    torch.put("Tensor", tensor);
    // DataUtils made torch.utils.data with the loaders and splits: the classes join them there
    Namespace utils = torch.get("utils") instanceof Namespace u ? u : new Namespace("torch.utils");
    Namespace data = utils.get("data") instanceof Namespace d ? d : new Namespace("torch.utils.data");
    torch.put("utils", utils);
    utils.put("data", data);
    data.put("Dataset", dataset);
    data.put("DataLoader", dataLoader);
    data.put("TensorDataset", tensorDataset);
    b.registerValue("Dataset", "torch.utils.data.Dataset: subclass it with __len__ and __getitem__ for a DataLoader.", dataset);
    b.registerClass(Tensor.class, v -> ((Tensor) v).isParameter() ? parameter : tensor);
  }

  /** The **kwargs a native method received, as the keywords of the call it makes. */
  private static Map<String, Object> kwargs(Args a) {
    PyDict d = (PyDict) a.get("kwargs");
    if (d.size() == 0) return Map.of();
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object k : d.keys()) out.put((String) k, d.get(k));
    return out;
  }
}
