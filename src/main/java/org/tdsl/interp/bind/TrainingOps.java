package org.tdsl.interp.bind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.data.DataLoader;
import org.tdsl.data.Dataset;
import org.tdsl.data.Mnist;
import org.tdsl.data.TensorDataset;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.BuiltinFn;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.ClosingIterator;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.PyList;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.interp.console.Progress;
import org.tdsl.interp.console.Screen;
import org.tdsl.io.Checkpoint;
import org.tdsl.nn.Adadelta;
import org.tdsl.nn.Adam;
import org.tdsl.nn.AdamW;
import org.tdsl.nn.Module;
import org.tdsl.nn.Optimizer;
import org.tdsl.nn.RMSprop;
import org.tdsl.nn.SGD;
import org.tdsl.nn.StepLR;
import org.tdsl.tensor.Tensor;

/** Optimizers, the learning-rate scheduler, datasets and loaders, and checkpoints. */
final class TrainingOps {
  /** Where mnist() looks when it is given no root: beside the running script, as the examples keep their sample. */
  static final String DEFAULT_MNIST_ROOT = "data/mnist";

  private TrainingOps() {}

  static void install(Builtins b, Namespace optim) {
    optimizer(b, optim, "SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False)",
        "Stochastic gradient descent, with momentum and Nesterov if asked.",
        a -> new SGD(params(a), a.getDouble("lr"), a.getDouble("momentum"), a.getDouble("dampening"),
            a.getDouble("weight_decay"), a.getBool("nesterov"), a.getBool("maximize")));
    optimizer(b, optim, "Adam(params, lr=0.001, betas=None, eps=1e-08, weight_decay=0, amsgrad=False, *, maximize=False)",
        "Adam.", a -> {
          double[] betas = betas(a);
          return new Adam(params(a), a.getDouble("lr"), betas[0], betas[1], a.getDouble("eps"), a.getDouble("weight_decay"),
              a.getBool("amsgrad"), a.getBool("maximize"));
        });
    optimizer(b, optim, "AdamW(params, lr=0.001, betas=None, eps=1e-08, weight_decay=0.01, amsgrad=False, *, maximize=False)",
        "Adam with decoupled weight decay.", a -> {
          double[] betas = betas(a);
          return new AdamW(params(a), a.getDouble("lr"), betas[0], betas[1], a.getDouble("eps"), a.getDouble("weight_decay"),
              a.getBool("amsgrad"), a.getBool("maximize"));
        });
    optimizer(b, optim, "Adadelta(params, lr=1.0, rho=0.9, eps=1e-06, weight_decay=0, *, maximize=False)",
        "Adadelta, the PyTorch MNIST example's optimizer.",
        a -> new Adadelta(params(a), a.getDouble("lr"), a.getDouble("rho"), a.getDouble("eps"), a.getDouble("weight_decay"),
            a.getBool("maximize")));
    optimizer(b, optim, "RMSprop(params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0, centered=False, *, maximize=False)",
        "RMSprop.", a -> new RMSprop(params(a), a.getDouble("lr"), a.getDouble("alpha"), a.getDouble("eps"),
            a.getDouble("weight_decay"), a.getDouble("momentum"), a.getBool("centered"), a.getBool("maximize")));
    Builtin stepLr = b.register("StepLR", "StepLR(optimizer, step_size, gamma=0.1)",
        "Multiplies the learning rate by gamma every step_size calls of step().",
        a -> {
          if (!(a.get("optimizer") instanceof Optimizer o)) throw new TdslError("StepLR() expects an optimizer");
          return new StepLR(o, Convert.toInt(a.get("step_size"), "step_size"), a.getDouble("gamma"));
        });
    Namespace scheduler = new Namespace("torch.optim.lr_scheduler");
    scheduler.put("StepLR", stepLr);
    optim.put("lr_scheduler", scheduler);

    b.register("mnist", "mnist(root=None, train=True)",
        "The MNIST-format dataset in root (IDX files, .gz or not), normalised as the PyTorch example does;"
            + " without root, data/mnist beside the running script.",
        a -> new Mnist(FilePaths.mnistRoot(a, mnistRoot(a), a.getBool("train")), a.getBool("train")));
    b.register("save", "save(obj, path)", "Writes a model or a dict/list of tensors as safetensors (atomically).",
        a -> {
          Path path = FilePaths.writing(a, a.getString("path"));
          Object obj = a.get("obj");
          if (obj instanceof Module m) Checkpoint.save(m, path);
          else if (obj instanceof PyDict d) Checkpoint.save(tensorMap(d), path);
          else if (Convert.items(obj) != null) {
            List<Tensor> ts = new ArrayList<>();
            for (Object o : Convert.items(obj)) ts.add(Convert.tensor(o, "save", "obj"));
            Checkpoint.save(ts, path);
          } else if (obj instanceof Tensor t) {
            Checkpoint.save(Map.of("tensor", t), path);
          } else {
            throw new TdslError("save() expects a model, a tensor, or a dict or list of tensors, not " + Values.typeName(obj));
          }
          return null;
        });
    b.register("load", "load(model_or_path, path=None)",
        "load(model, path) restores a model's parameters; load(path) returns the file's tensors as a dict.",
        a -> {
          Object first = a.get("model_or_path");
          if (first instanceof Module m) {
            Checkpoint.load(m, FilePaths.reading(a, a.getString("path")));
            return m;
          }
          PyDict d = new PyDict();
          Checkpoint.loadTensors(FilePaths.reading(a, String.valueOf(first))).forEach(d::put);
          return d;
        });
  }

  private static void optimizer(Builtins b, Namespace optim, String signature, String help, BuiltinFn impl) {
    Builtin o = b.register(signature.substring(0, signature.indexOf('(')), signature, help, impl);
    optim.put(o.name(), o);
  }

  private static List<Tensor> params(Args a) {
    Object p = a.get("params");
    List<Object> items = Convert.items(p);
    if (items == null) items = Values.toList(p, a.interpreter());
    List<Tensor> out = new ArrayList<>();
    for (Object o : items) out.add(Convert.tensor(o, "optimizer", "params"));
    if (out.isEmpty()) throw new TdslError("optimizer got an empty parameter list");
    return out;
  }

  /** A root given is relative to the working directory, as every path; the default one to the script's directory. */
  private static String mnistRoot(Args a) {
    String root = a.getOptionalString("root");
    return root != null ? root : a.interpreter().sourceDirectory().resolve(DEFAULT_MNIST_ROOT).toString();
  }

  private static double[] betas(Args a) {
    if (a.get("betas") == null) return new double[] {0.9, 0.999};
    List<Object> items = Convert.items(a.get("betas"));
    if (items == null || items.size() != 2) throw new TdslError("betas must be a pair of floats");
    return new double[] {Values.toDouble(items.get(0)), Values.toDouble(items.get(1))};
  }

  private static Map<String, Tensor> tensorMap(PyDict d) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Object k : d.keys()) out.put(String.valueOf(k), Convert.tensor(d.get(k), "save", "obj"));
    return out;
  }

  /**
   * A DataLoader with the interpreter's output. Its loops draw a bar when barred is true and
   * out is a terminal's {@link Screen} (the command and the REPL make one only on a terminal).
   */
  record Loader(DataLoader loader, java.io.PrintStream out, boolean barred, Object generator, Object dataset) {
    /** dataset: what loader.dataset answers, the value the program gave (a torchvision MNIST, say). */
    Loader(DataLoader loader, Args a) {
      this(loader, a.out(), a.getBool("progress") && a.interpreter().console() && Progress.enabled(), a.get("generator"),
          a.get("dataset"));
    }
  }

  static final Protocol<Loader> LOADER = new Protocol<>() {
    @Override public String typeName(Loader self) { return "DataLoader"; }

    @Override public String className(Loader self) { return "torch.utils.data.dataloader.DataLoader"; }

    @Override public long len(Loader self) { return self.loader.len(); }

    @Override public Iterator<Object> iterate(Loader self) {
      // a shuffled pass draws its permutation here, from generator= when the loader was given one
      Iterator<Tensor[]> batches = Generators.draw(self.generator, () -> self.loader.iterator());
      Progress bar = Progress.start(self.loader.len(), "", self.out, self.barred && Screen.of(self.out) != null);
      return new ClosingIterator<>() {
        @Override public boolean hasNext() {
          boolean more = batches.hasNext();
          if (!more) bar.close();
          return more;
        }

        @Override public Object next() {
          Tensor[] batch = batches.next();
          bar.step();
          // default_collate makes a list of a tuple sample's fields, as here
          return new PyList(new ArrayList<>(List.of((Object[]) batch)));
        }

        @Override public void close() { bar.close(); }
      };
    }

    @Override public Object getAttr(Loader self, String name) {
      return switch (name) {
        case "dataset" -> self.dataset;
        case "batch_size" -> (long) self.loader.batchSize();
        default -> UNSUPPORTED;
      };
    }

    @Override public List<String> attributeNames(Loader self) { return List.of("dataset", "batch_size"); }

    @Override public String repr(Loader self) { return "<DataLoader of " + self.loader.len() + " batches>"; }
  };

  static final Protocol<Dataset> DATASET = new Protocol<>() {
    @Override public String typeName(Dataset self) { return self.getClass().getSimpleName(); }

    @Override public String className(Dataset self) {
      if (self instanceof TensorDataset || self instanceof org.tdsl.data.Subset) {
        return "torch.utils.data.dataset." + typeName(self);
      }
      return typeName(self);
    }

    @Override public long len(Dataset self) { return self.len(); }

    @Override public Object getItem(Dataset self, Object index) {
      Tensor[] item = self.get((int) Values.toIndex(index));
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < item.length; i++) {
        // torchvision gives the label as a Python int
        boolean label = (underlying(self) instanceof Mnist || underlying(self) instanceof org.tdsl.data.MnistImages) && i == 1;
        out.add(label ? TensorProtocol.item(item[i]) : item[i]);
      }
      return new PyTuple(out);
    }

    @Override public Iterator<Object> iterate(Dataset self) {
      return new Iterator<>() {
        int i = 0;

        @Override public boolean hasNext() { return i < self.len(); }

        @Override public Object next() { return getItem(self, (long) i++); }
      };
    }

    @Override public String repr(Dataset self) { return self.toString(); }

    @Override public Object getAttr(Dataset self, String name) {
      if (self instanceof org.tdsl.data.Subset s) {
        return switch (name) {
          case "dataset" -> s.dataset();
          case "indices" -> {
            List<Object> at = new ArrayList<>();
            for (int i : s.indices()) at.add((long) i);
            yield new PyList(at);
          }
          default -> UNSUPPORTED;
        };
      }
      return UNSUPPORTED;
    }

    @Override public List<String> attributeNames(Dataset self) {
      return self instanceof org.tdsl.data.Subset ? List.of("dataset", "indices") : List.of();
    }
  };

  /** The dataset a chain of Subsets selects from. */
  private static Dataset underlying(Dataset d) {
    return d instanceof org.tdsl.data.Subset s ? underlying(s.dataset()) : d;
  }

  static final Protocol<Optimizer> OPTIMIZER = new Protocol<>() {
    @Override public String typeName(Optimizer self) { return self.getClass().getSimpleName(); }

    @Override public String className(Optimizer self) {
      String name = typeName(self);
      return "torch.optim." + name.toLowerCase(java.util.Locale.ROOT) + "." + name;
    }

    @Override public Object getAttr(Optimizer self, String name) {
      return switch (name) {
        case "step" -> new Builtin("step", "step()", "Updates every parameter from its .grad.", a -> { self.step(); return null; });
        case "zero_grad" -> new Builtin("zero_grad", "zero_grad(set_to_none=True)", "Clears the parameters' gradients.",
            a -> { self.zeroGrad(a.getBool("set_to_none")); return null; });
        case "param_groups" -> {
          PyDict group = new PyDict();
          group.put("lr", self.lr());
          group.put("params", new PyList(new ArrayList<>(self.params())));
          yield new PyList(new ArrayList<>(List.of(group)));
        }
        default -> UNSUPPORTED;
      };
    }

    @Override public List<String> attributeNames(Optimizer self) { return List.of("step", "zero_grad", "param_groups"); }

    @Override public String repr(Optimizer self) { return self.toString(); }
  };

  static final Protocol<StepLR> SCHEDULER = new Protocol<>() {
    @Override public String typeName(StepLR self) { return "StepLR"; }

    @Override public String className(StepLR self) { return "torch.optim.lr_scheduler.StepLR"; }

    @Override public Object getAttr(StepLR self, String name) {
      return switch (name) {
        case "step" -> new Builtin("step", "step()", "Advances one epoch.", a -> { self.step(); return null; });
        case "get_last_lr" -> new Builtin("get_last_lr", "get_last_lr()", "The learning rate now.",
            a -> new PyList(new ArrayList<>(self.getLastLr())));
        case "last_epoch" -> (long) self.lastEpoch();
        default -> UNSUPPORTED;
      };
    }

    @Override public List<String> attributeNames(StepLR self) { return List.of("step", "get_last_lr", "last_epoch"); }
  };
}
