package org.tdsl.interp.bind;

import java.util.List;
import java.util.function.Function;
import org.tdsl.autograd.Node;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.PyClass;
import org.tdsl.interp.Signature;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.TensorException;

/**
 * The builtins table of a tdsl interpreter: Python's everyday builtins plus the tensor
 * library, the tape and (as they land) nn, data and io — each name bound once, with its
 * signature and one line of help.
 */
public final class TdslLibrary {
  private TdslLibrary() {}

  /** Functions that keep Python's meaning on Python values and take PyTorch's on tensors. */
  private static final List<String> TENSOR_AWARE = List.of("abs", "round", "pow", "sum", "max", "min", "all", "any");

  /** A fresh table; every interpreter gets its own. */
  public static Builtins standard() {
    Builtins b = Builtins.standard();
    Namespace torch = new Namespace("torch");
    Namespace autograd = new Namespace("torch.autograd");
    Namespace functional = new Namespace("torch.nn.functional");
    Namespace nn = new Namespace("torch.nn");
    Namespace optim = new Namespace("torch.optim");
    torch.put("autograd", autograd);
    torch.put("nn", nn);
    torch.put("optim", optim);
    nn.put("functional", functional);

    OpTable table = new OpTable(b, torch);
    CreationOps.install(table);
    MathOps.install(table);
    ShapeOps.install(table);
    AutogradOps.install(table, autograd);
    TensorProtocol.installInfoMethods(table);
    RandomOps.install(table);
    TensorClassOps.install(table);
    CountingOps.install(table);
    MatrixOps.install(table);
    SettingsOps.install(table);
    NnOps.install(b, torch, nn, functional);
    TrainingOps.install(b, optim);
    VizOps.install(b);
    Device.install(b, torch);
    Generators.install(b, torch);
    DataUtils.install(b, torch);
    Torchvision.install(b);
    LibraryClasses.install(b, torch, nn, find(b, "DataLoader"), find(b, "TensorDataset"));
    torch.put("save", find(b, "save"));
    torch.put("load", find(b, "load"));
    for (String name : List.of("relu", "sigmoid", "tanh", "softmax", "log_softmax", "leaky_relu", "gelu", "softplus", "one_hot")) {
      functional.put(name, torch.get(name));
    }

    for (DType d : DType.values()) torch.put(d.shortName(), d);
    torch.put("float", DType.FLOAT32);
    torch.put("long", DType.INT64);
    b.registerValue("float32", "The 32-bit floating-point dtype (torch.float32).", DType.FLOAT32);
    b.registerValue("int64", "The 64-bit integer dtype (torch.int64).", DType.INT64);
    PyClass tensorClass = (PyClass) torch.get("Tensor");
    table.methods().forEach(tensorClass::define);
    torch.put("Size", new org.tdsl.interp.Builtin("Size", "Size(sizes=())", "torch.Size: a shape, a tuple of ints.",
        a -> new TorchSize(Convert.ints(a.get("sizes"), "Size"))));
    torch.put("FloatTensor", TensorClassOps.constructor("FloatTensor", DType.FLOAT32));
    torch.put("LongTensor", TensorClassOps.constructor("LongTensor", DType.INT64));
    torch.put("BoolTensor", TensorClassOps.constructor("BoolTensor", DType.BOOL));
    b.registerValue("Tensor", "torch.Tensor: the tensor class; Tensor.sum is the method t.sum, with t first.", tensorClass);
    b.registerValue("torch", "PyTorch's namespace: torch.NAME answers for every tensor function.", torch);
    b.registerValue("F", "torch.nn.functional: F.relu, F.softmax, F.nll_loss, ...", functional);
    b.registerValue("nn", "torch.nn: the layers.", nn);
    b.registerValue("optim", "torch.optim: the optimizers.", optim);

    tensorAware(b, torch);
    Modules.install(b, torch);
    b.registerProtocol(Tensor.class, new TensorProtocol(table.methods()));
    b.registerProtocol(Node.class, new NodeProtocol());
    b.registerProtocol(DType.class, TensorProtocol.DTYPE);
    b.registerProtocol(TorchSize.class, TorchSize.PROTOCOL);
    b.registerProtocol(ReturnTuple.class, ReturnTuple.PROTOCOL);
    b.registerProtocol(Namespace.class, Namespace.PROTOCOL);
    b.registerProtocol(AutogradOps.ModeSwitch.class, AutogradOps.ModeSwitch.PROTOCOL);
    b.registerProtocol(org.tdsl.nn.Module.class, new ModuleProtocol());
    b.registerProtocol(org.tdsl.nn.Optimizer.class, TrainingOps.OPTIMIZER);
    b.registerProtocol(org.tdsl.nn.LRScheduler.class, TrainingOps.SCHEDULER);
    b.registerProtocol(org.tdsl.data.Dataset.class, TrainingOps.DATASET);
    b.registerProtocol(TrainingOps.Loader.class, TrainingOps.LOADER);
    b.registerProtocol(ItemLoader.class, ItemLoader.PROTOCOL);
    b.registerProtocol(ItemSubset.class, ItemSubset.PROTOCOL);
    b.registerUserError(TensorException.class);
    // the nn, data and io layers speak PyTorch's ValueError/IndexError words through these
    b.registerUserError(IllegalArgumentException.class);
    b.registerUserError(IndexOutOfBoundsException.class);
    b.registerUserError(org.tdsl.data.DataException.class);
    b.registerUserError(org.tdsl.io.CheckpointException.class);
    b.registerUserError(java.io.UncheckedIOException.class);
    return b;
  }

  /** Python's builtins that PyTorch's tensors answer through dunder methods: abs(t), float(t), ... */
  private static void tensorAware(Builtins b, Namespace torch) {
    for (String name : TENSOR_AWARE) {
      Builtin python = find(b, name);
      Builtin tensor = (Builtin) torch.get(name);
      if (python == null) {
        b.register(name, tensor.signature(), tensor.help(), tensor.impl());
        continue;
      }
      tensorAware(b, python, python.help() + " On a tensor: torch." + name + ".", tensor::call);
    }
    for (String name : List.of("float", "int", "bool")) {
      Builtin python = find(b, name);
      tensorAware(b, python, python.help(), args -> {
        if (args.positional().size() != 1 || !args.keywords().isEmpty()) {
          throw new TdslError(name + "() takes exactly one argument on a tensor");
        }
        Tensor t = (Tensor) args.positional().get(0);
        if (name.equals("bool")) return Values.truthy(t, args.interpreter());
        Object v = TensorProtocol.item(t);
        double d = Values.toDouble(v);
        return name.equals("float") ? (Object) d : (Object) (long) d;
      });
    }
  }

  private static Builtin find(Builtins b, String name) {
    for (Builtin f : b.functions()) if (f.name().equals(name)) return f;
    return null;
  }

  /**
   * Replaces Python's builtin with one that dispatches on the first argument: a tensor goes to
   * the tensor form, anything else to Python's. It stays a Builtin of the same name and shown
   * signature (isinstance(x, int) and :help keep working); it binds nothing itself, since each
   * side binds the raw arguments to its own signature.
   */
  private static void tensorAware(Builtins b, Builtin python, String help, Function<Args, Object> onTensor) {
    Signature anything = Signature.parse(python.name() + "(*args, **kwargs)");
    b.registerBuiltin(new Builtin(python.name(), python.signature(), help, a -> {
      boolean tensor = !a.positional().isEmpty() && a.positional().get(0) instanceof Tensor;
      return tensor ? onTensor.apply(a) : python.call(a);
    }, anything));
  }
}
