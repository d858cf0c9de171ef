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
import org.tdsl.interp.MethodTable;
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
import org.tdsl.nn.Adagrad;
import org.tdsl.nn.Adam;
import org.tdsl.nn.CosineAnnealingLR;
import org.tdsl.nn.ExponentialLR;
import org.tdsl.nn.LBFGS;
import org.tdsl.nn.LRScheduler;
import org.tdsl.nn.LambdaLR;
import org.tdsl.nn.MultiStepLR;
import org.tdsl.nn.OneCycleLR;
import org.tdsl.nn.ParamGroup;
import org.tdsl.nn.ReduceLROnPlateau;
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
    optimizer(b, optim, "Adagrad(params, lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10, *, maximize=False)",
        "Adagrad: steps scaled by the root of each parameter's summed squared gradients.",
        a -> new Adagrad(params(a), a.getDouble("lr"), a.getDouble("lr_decay"), a.getDouble("weight_decay"),
            a.getDouble("initial_accumulator_value"), a.getDouble("eps"), a.getBool("maximize")));
    optimizer(b, optim, "LBFGS(params, lr=1, max_iter=20, max_eval=None, tolerance_grad=1e-07, tolerance_change=1e-09, "
            + "history_size=100, line_search_fn=None)",
        "L-BFGS; step(closure) runs up to max_iter iterations, calling closure() to recompute the loss and gradients.",
        a -> {
          if (a.get("line_search_fn") != null) throw new TdslError("LBFGS: line_search_fn='strong_wolfe' is not supported by tdsl");
          return new LBFGS(params(a), a.getDouble("lr"), Convert.toInt(a.get("max_iter"), "max_iter"),
              a.get("max_eval") == null ? null : Convert.toInt(a.get("max_eval"), "max_eval"), a.getDouble("tolerance_grad"),
              a.getDouble("tolerance_change"), Convert.toInt(a.get("history_size"), "history_size"));
        });
    Namespace scheduler = new Namespace("torch.optim.lr_scheduler");
    optim.put("lr_scheduler", scheduler);
    scheduler(b, scheduler, "StepLR(optimizer, step_size, gamma=0.1)",
        "Multiplies the learning rate by gamma every step_size calls of step().",
        a -> new StepLR(opt(a), Convert.toInt(a.get("step_size"), "step_size"), a.getDouble("gamma")));
    scheduler(b, scheduler, "MultiStepLR(optimizer, milestones, gamma=0.1)",
        "Multiplies the learning rate by gamma at each milestone epoch.",
        a -> {
          List<Integer> milestones = new ArrayList<>();
          for (int m : Convert.ints(a.get("milestones"), "milestones")) milestones.add(m);
          return new MultiStepLR(opt(a), milestones, a.getDouble("gamma"));
        });
    scheduler(b, scheduler, "ExponentialLR(optimizer, gamma)", "Multiplies the learning rate by gamma every step().",
        a -> new ExponentialLR(opt(a), a.getDouble("gamma")));
    scheduler(b, scheduler, "CosineAnnealingLR(optimizer, T_max, eta_min=0)",
        "Half a cosine from the initial learning rate down to eta_min over T_max steps.",
        a -> new CosineAnnealingLR(opt(a), Convert.toInt(a.get("T_max"), "T_max"), a.getDouble("eta_min")));
    scheduler(b, scheduler, "LambdaLR(optimizer, lr_lambda)",
        "The learning rate is the initial one times lr_lambda(epoch) (a function, or a list of one per group).",
        a -> {
          List<Object> fns = Convert.items(a.get("lr_lambda"));
          if (fns == null) fns = List.of(a.get("lr_lambda"));
          List<java.util.function.IntToDoubleFunction> lambdas = new ArrayList<>();
          for (Object fn : fns) lambdas.add(epoch -> Values.toDouble(a.call(fn, (long) epoch)));
          return new LambdaLR(opt(a), lambdas);
        });
    scheduler(b, scheduler, "ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, threshold=0.0001, "
            + "threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-08, verbose=False)",
        "Multiplies the learning rate by factor when step(metric) has not improved for more than patience epochs.",
        a -> new ReduceLROnPlateau(opt(a), a.getString("mode"), a.getDouble("factor"), Convert.toInt(a.get("patience"), "patience"),
            a.getDouble("threshold"), a.getString("threshold_mode"), Convert.toInt(a.get("cooldown"), "cooldown"),
            doubles(a.get("min_lr")), a.getDouble("eps")));
    scheduler(b, scheduler, "OneCycleLR(optimizer, max_lr, total_steps=None, epochs=None, steps_per_epoch=None, pct_start=0.3, "
            + "anneal_strategy='cos', cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, div_factor=25.0, "
            + "final_div_factor=10000.0, three_phase=False)",
        "The 1cycle policy, stepped every batch: up to max_lr over pct_start of the steps, then down far below the start.",
        a -> new OneCycleLR(opt(a), doubles(a.get("max_lr")), totalSteps(a), a.getDouble("pct_start"),
            a.getString("anneal_strategy"), a.getBool("cycle_momentum"), a.getDouble("base_momentum"),
            a.getDouble("max_momentum"), a.getDouble("div_factor"), a.getDouble("final_div_factor"), a.getBool("three_phase")));

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

  /**
   * An optimizer's builtin: params may be tensors or PyTorch's list of group dicts
   * ({"params": ..., "lr": ...}); either way its groups are then kept in Python dicts.
   */
  private static void optimizer(Builtins b, Namespace optim, String signature, String help, BuiltinFn impl) {
    BuiltinFn grouped = a -> {
      Optimizer o = (Optimizer) impl.call(a);
      List<PyDict> groups = groupDicts(a.get("params"), a);
      if (groups != null) {
        List<List<Tensor>> tensors = new ArrayList<>();
        List<Map<String, Object>> overrides = new ArrayList<>();
        for (PyDict g : groups) {
          tensors.add(groupTensors(g, a));
          overrides.add(groupOptions(g));
        }
        o.regroup(tensors, overrides);
      }
      GroupDict.back(o);
      return o;
    };
    Builtin o = b.register(signature.substring(0, signature.indexOf('(')), signature, help, grouped);
    optim.put(o.name(), o);
  }

  private static void scheduler(Builtins b, Namespace scheduler, String signature, String help, BuiltinFn impl) {
    Builtin s = b.register(signature.substring(0, signature.indexOf('(')), signature, help, impl);
    scheduler.put(s.name(), s);
  }

  private static Optimizer opt(Args a) {
    if (!(a.get("optimizer") instanceof Optimizer o)) {
      throw new TdslError(Values.typeName(a.get("optimizer")) + " is not an Optimizer");
    }
    return o;
  }

  /** Every tensor the optimizer gets: the items, or the items of each group's "params". */
  private static List<Tensor> params(Args a) {
    List<PyDict> groups = groupDicts(a.get("params"), a);
    List<Tensor> out = new ArrayList<>();
    if (groups != null) {
      for (PyDict g : groups) out.addAll(groupTensors(g, a));
    } else {
      for (Object o : iterable(a.get("params"), a)) out.add(Convert.tensor(o, "optimizer", "params"));
    }
    if (out.isEmpty()) throw new TdslError("optimizer got an empty parameter list");
    return out;
  }

  private static List<Object> iterable(Object v, Args a) {
    if (v instanceof Tensor) throw new TdslError("params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor");
    List<Object> items = Convert.items(v);
    return items != null ? items : Values.toList(v, a.interpreter());
  }

  /** The group dicts when params is a list of dicts; null when it holds tensors. */
  private static List<PyDict> groupDicts(Object params, Args a) {
    if (params instanceof PyDict single) return List.of(single);
    List<Object> items = Convert.items(params);
    if (items == null || items.isEmpty() || !(items.get(0) instanceof PyDict)) return null;
    List<PyDict> out = new ArrayList<>();
    for (Object o : items) {
      if (!(o instanceof PyDict d)) throw new TdslError("param groups must all be dicts");
      out.add(d);
    }
    return out;
  }

  private static List<Tensor> groupTensors(PyDict group, Args a) {
    if (!group.containsKey("params")) throw new TdslError("parameter group didn't specify a value of required optimization parameter params");
    Object p = group.get("params");
    List<Tensor> out = new ArrayList<>();
    if (p instanceof Tensor t) out.add(t);
    else for (Object o : iterable(p, a)) out.add(Convert.tensor(o, "optimizer", "params"));
    return out;
  }

  /** A group's own options, as Java values (tuples become lists). */
  private static Map<String, Object> groupOptions(PyDict group) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object k : group.keys()) {
      if (k.equals("params")) continue;
      Object v = group.get(k);
      out.put(String.valueOf(k), v instanceof PyTuple t ? t.items() : v);
    }
    return out;
  }

  private static List<Double> doubles(Object v) {
    List<Object> items = Convert.items(v);
    List<Double> out = new ArrayList<>();
    if (items == null) out.add(Values.toDouble(v));
    else for (Object o : items) out.add(Values.toDouble(o));
    return out;
  }

  private static int totalSteps(Args a) {
    if (a.get("total_steps") != null) return Convert.toInt(a.get("total_steps"), "total_steps");
    if (a.get("epochs") == null || a.get("steps_per_epoch") == null) {
      throw new TdslError("You must define either total_steps OR (epochs AND steps_per_epoch)");
    }
    return Convert.toInt(a.get("epochs"), "epochs") * Convert.toInt(a.get("steps_per_epoch"), "steps_per_epoch");
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
      this(loader, a.out(), a.getBool("progress") && a.interpreter().host().console() && Progress.enabled(), a.get("generator"),
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
          if (batch.length == 1 && !self.loader.dataset().tupleItems()) return batch[0];
          // default_collate makes a list of a tuple sample's fields, as here
          return new PyList(new ArrayList<>(List.of((Object[]) batch)));
        }

        @Override public void close() { bar.close(); }
      };
    }

    private static final MethodTable<Loader> ATTRIBUTES = new MethodTable<Loader>()
        .attribute("dataset", Loader::dataset)
        .attribute("batch_size", self -> (long) self.loader.batchSize());

    @Override public Object getAttr(Loader self, String name) { return ATTRIBUTES.get(self, name); }

    @Override public List<String> attributeNames(Loader self) { return ATTRIBUTES.names(); }

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

    private static final MethodTable<Optimizer> ATTRIBUTES = new MethodTable<Optimizer>()
        .method("step(closure=None)",
            "Updates every parameter from its .grad; closure() (LBFGS needs one) recomputes the loss, which step returns.",
            (self, a) -> {
              Object fn = a.get("closure");
              if (fn == null) {
                self.step();
                return null;
              }
              return self.step(() -> Convert.tensor(a.call(fn), "closure", "loss"));
            })
        .method("zero_grad(set_to_none=True)", "Clears the parameters' gradients.",
            (self, a) -> { self.zeroGrad(a.getBool("set_to_none")); return null; })
        .attribute("param_groups", self -> {
          GroupDict.back(self);
          List<Object> dicts = new ArrayList<>();
          for (ParamGroup g : self.paramGroups()) dicts.add(GroupDict.dictOf(g));
          return new PyList(dicts);
        })
        .method("add_param_group(param_group)",
            "Adds a dict {'params': ..., option: value, ...}; options it leaves out take the optimizer's defaults.",
            (self, a) -> {
              if (!(a.get("param_group") instanceof PyDict g)) throw new TdslError("param_group must be a dict");
              self.addParamGroup(groupTensors(g, a), groupOptions(g));
              GroupDict.back(self);
              return null;
            })
        .attribute("defaults", self -> {
          PyDict d = new PyDict();
          ParamGroup first = self.paramGroups().get(0);
          for (String k : first.options().keys()) {
            if (!k.equals("params") && !k.equals("initial_lr")) d.put(k, GroupDict.dictOf(first).get(k));
          }
          return d;
        })
        .method("state_dict()",
            "{'state': {i: {'step': ..., 'exp_avg': ...}}, 'param_groups': [{options..., 'params': [i, ...]}]}, parameters by position.",
            (self, a) -> optimizerState(self))
        .method("load_state_dict(state_dict)", "Restores the groups' options and each parameter's state from state_dict().",
            (self, a) -> {
              loadOptimizerState(self, a.get("state_dict"));
              return null;
            });

    @Override public Object getAttr(Optimizer self, String name) { return ATTRIBUTES.get(self, name); }

    @Override public List<String> attributeNames(Optimizer self) { return ATTRIBUTES.names(); }

    @Override public String repr(Optimizer self) { return self.toString(); }
  };

  private static PyDict optimizerState(Optimizer o) {
    GroupDict.back(o);
    PyDict state = new PyDict();
    o.state().forEach((i, entry) -> {
      PyDict d = new PyDict();
      entry.forEach(d::put);
      state.put((long) i, d);
    });
    List<Object> groups = new ArrayList<>();
    long next = 0;
    for (ParamGroup g : o.paramGroups()) {
      PyDict d = new PyDict();
      PyDict live = GroupDict.dictOf(g);
      for (Object k : live.keys()) if (!k.equals("params")) d.put(k, live.get(k));
      List<Object> ids = new ArrayList<>();
      for (int k = 0; k < g.params().size(); k++) ids.add(next++);
      d.put("params", new PyList(ids));
      groups.add(d);
    }
    PyDict out = new PyDict();
    out.put("state", state);
    out.put("param_groups", new PyList(groups));
    return out;
  }

  private static void loadOptimizerState(Optimizer o, Object value) {
    if (!(value instanceof PyDict sd) || !(sd.get("state") instanceof PyDict state) || Convert.items(sd.get("param_groups")) == null) {
      throw new TdslError("load_state_dict() expects an optimizer's state_dict(): {'state': ..., 'param_groups': ...}");
    }
    GroupDict.back(o);
    List<Object> saved = Convert.items(sd.get("param_groups"));
    List<ParamGroup> groups = o.paramGroups();
    if (saved.size() != groups.size()) throw new TdslError("loaded state dict has a different number of parameter groups");
    for (int g = 0; g < groups.size(); g++) {
      if (!(saved.get(g) instanceof PyDict sg) || Convert.items(sg.get("params")) == null
          || Convert.items(sg.get("params")).size() != groups.get(g).params().size()) {
        throw new TdslError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      PyDict sg = (PyDict) saved.get(g), live = GroupDict.dictOf(groups.get(g));
      for (Object k : sg.keys()) if (!k.equals("params")) live.put(k, sg.get(k));
    }
    Map<Integer, Map<String, Object>> entries = new LinkedHashMap<>();
    for (Object k : state.keys()) {
      if (!(state.get(k) instanceof PyDict entry)) continue;
      Map<String, Object> m = new LinkedHashMap<>();
      for (Object name : entry.keys()) m.put(String.valueOf(name), entry.get(name));
      entries.put((int) Values.toIndex(k), m);
    }
    o.loadState(entries);
  }

  static final Protocol<LRScheduler> SCHEDULER = new Protocol<>() {
    @Override public String typeName(LRScheduler self) { return self.getClass().getSimpleName(); }

    @Override public String className(LRScheduler self) { return "torch.optim.lr_scheduler." + typeName(self); }

    private static final MethodTable<LRScheduler> ATTRIBUTES = new MethodTable<LRScheduler>()
        .method("step(metrics=None)", "Advances one epoch (OneCycleLR: one batch); ReduceLROnPlateau reads the metric.",
            (self, a) -> {
              if (a.get("metrics") == null) self.step();
              else self.step(Values.toDouble(a.get("metrics") instanceof Tensor t ? TensorProtocol.item(t) : a.get("metrics")));
              return null;
            })
        .method("get_last_lr()", "The learning rate of each group after the last step.",
            (self, a) -> new PyList(new ArrayList<>(self.getLastLr())))
        .attribute("last_epoch", self -> (long) self.lastEpoch())
        .attribute("base_lrs", self -> new PyList(new ArrayList<>(self.baseLrs())))
        .attribute("optimizer", LRScheduler::optimizer);

    @Override public Object getAttr(LRScheduler self, String name) { return ATTRIBUTES.get(self, name); }

    @Override public List<String> attributeNames(LRScheduler self) { return ATTRIBUTES.names(); }

    @Override public String repr(LRScheduler self) {
      return "<torch.optim.lr_scheduler." + typeName(self) + " object>";
    }
  };
}
