package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.BuiltinFn;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.nn.AdaptiveAvgPool2d;
import org.tdsl.nn.AvgPool2d;
import org.tdsl.nn.BatchNorm;
import org.tdsl.nn.ConvTranspose2d;
import org.tdsl.nn.Dropout1d;
import org.tdsl.nn.Embedding;
import org.tdsl.nn.GroupNorm;
import org.tdsl.nn.LayerNorm;
import org.tdsl.nn.Normalize;
import org.tdsl.nn.Conv2d;
import org.tdsl.nn.Dropout;
import org.tdsl.nn.Dropout2d;
import org.tdsl.nn.Flatten;
import org.tdsl.nn.Functional;
import org.tdsl.nn.ClipGrad;
import org.tdsl.nn.Identity;
import org.tdsl.nn.Init;
import org.tdsl.nn.Linear;
import org.tdsl.nn.ModuleDict;
import org.tdsl.nn.ModuleList;
import org.tdsl.nn.Loss;
import org.tdsl.nn.LogSoftmax;
import org.tdsl.nn.MaxPool2d;
import org.tdsl.nn.Module;
import org.tdsl.nn.ReLU;
import org.tdsl.nn.Recurrent;
import org.tdsl.nn.Sequential;
import org.tdsl.nn.Sigmoid;
import org.tdsl.nn.Size2;
import org.tdsl.nn.Softmax;
import org.tdsl.nn.Tanh;
import org.tdsl.tensor.Tensor;

/** Layers (nn.NAME) and functional ops (F.NAME, and bare): the PyTorch example's vocabulary. */
final class NnOps {
  private NnOps() {}

  static void install(Builtins b, Namespace torch, Namespace nn, Namespace functional) {
    layers(b, nn);
    moreLayers(b, nn);
    recurrent(b, nn);
    containers(b, nn);
    losses(b, nn);
    nn.put("init", initNamespace());
    nn.put("utils", utilsNamespace());
    functionalOps(b, torch, functional);
  }

  private static void layers(Builtins b, Namespace nn) {
    layer(b, nn, "Linear(in_features, out_features, bias=True)", "y = x A^T + b.",
        a -> new Linear(i(a, "in_features"), i(a, "out_features"), a.getBool("bias")));
    layer(b, nn, "Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True)",
        "A 2-D convolution over N x C x H x W input.",
        a -> a.get("padding") instanceof String mode
            ? new Conv2d(i(a, "in_channels"), i(a, "out_channels"), size(a, "kernel_size"), size(a, "stride"), mode,
                size(a, "dilation"), i(a, "groups"), a.getBool("bias"))
            : new Conv2d(i(a, "in_channels"), i(a, "out_channels"), size(a, "kernel_size"), size(a, "stride"),
                size(a, "padding"), size(a, "dilation"), i(a, "groups"), a.getBool("bias")));
    layer(b, nn, "MaxPool2d(kernel_size, stride=None, padding=0)", "The maximum over each window.",
        a -> new MaxPool2d(size(a, "kernel_size"), size(a, "stride"), size(a, "padding")));
    layer(b, nn, "AvgPool2d(kernel_size, stride=None, padding=0, count_include_pad=True)", "The mean over each window.",
        a -> new AvgPool2d(size(a, "kernel_size"), size(a, "stride"), size(a, "padding"), a.getBool("count_include_pad")));
    layer(b, nn, "ReLU()", "max(0, x).", a -> new ReLU());
    layer(b, nn, "Tanh()", "tanh(x).", a -> new Tanh());
    layer(b, nn, "Sigmoid()", "1 / (1 + exp(-x)).", a -> new Sigmoid());
    layer(b, nn, "Dropout(p=0.5)", "Zeroes elements with probability p while training, scaling the rest by 1/(1-p).",
        a -> new Dropout(a.getDouble("p")));
    layer(b, nn, "Dropout2d(p=0.5)", "Zeroes whole channels with probability p while training.",
        a -> new Dropout2d(a.getDouble("p")));
    layer(b, nn, "Flatten(start_dim=1, end_dim=-1)", "Merges dims start_dim..end_dim (all but the batch dim).",
        a -> new Flatten(i(a, "start_dim"), i(a, "end_dim")));
    layer(b, nn, "LogSoftmax(dim=None)", "log(softmax(x)) along dim.", a -> new LogSoftmax(optionalInt(a, "dim")));
    layer(b, nn, "Softmax(dim=None)", "softmax(x) along dim.", a -> new Softmax(optionalInt(a, "dim")));
    layer(b, nn, "Sequential(*layers)", "Layers applied one after another: Sequential(Linear(4, 2), ReLU()).",
        a -> {
          List<Module> layers = new ArrayList<>();
          for (Object o : a.varargs("layers").items()) {
            if (!(o instanceof Module m)) throw new TdslError(Values.typeName(o) + " is not a Module subclass");
            layers.add(m);
          }
          return new Sequential(layers);
        });
  }

  private static void moreLayers(Builtins b, Namespace nn) {
    layer(b, nn, "Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False)",
        "A table of num_embeddings rows, drawn from N(0, 1); indexing it with a LongTensor gives rows. The padding row is zero and learns nothing.",
        a -> {
          if (a.get("max_norm") != null || a.getBool("scale_grad_by_freq") || a.getBool("sparse")) {
            throw new TdslError("Embedding: max_norm, scale_grad_by_freq and sparse are not supported by tdsl");
          }
          return new Embedding(i(a, "num_embeddings"), i(a, "embedding_dim"), optionalInt(a, "padding_idx"));
        });
    for (int dims = 1; dims <= 2; dims++) {
      int spatial = dims;
      layer(b, nn, "BatchNorm" + dims + "d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
          (dims == 1 ? "Standardises each feature of N x C (or N x C x L) input" : "Standardises each channel of N x C x H x W input")
              + " with batch statistics while training, running ones (running_mean, running_var) in eval mode.",
          a -> new BatchNorm(spatial, i(a, "num_features"), a.getDouble("eps"),
              Convert.optionalDouble(a.get("momentum"), "momentum"), a.getBool("affine"), a.getBool("track_running_stats")));
    }
    layer(b, nn, "LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)",
        "Standardises over the last dims (normalized_shape), then an elementwise weight and bias.",
        a -> new LayerNorm(Convert.ints(a.get("normalized_shape"), "normalized_shape"), a.getDouble("eps"),
            a.getBool("elementwise_affine")));
    layer(b, nn, "GroupNorm(num_groups, num_channels, eps=1e-05, affine=True)",
        "Standardises each group of channels over its channels and positions, then a per-channel weight and bias.",
        a -> new GroupNorm(i(a, "num_groups"), i(a, "num_channels"), a.getDouble("eps"), a.getBool("affine")));
    layer(b, nn, "Dropout1d(p=0.5, inplace=False)", "Zeroes whole channels of N x C x L input with probability p while training.",
        a -> new Dropout1d(a.getDouble("p")));
    layer(b, nn, "AdaptiveAvgPool2d(output_size)", "The mean over windows sized so that the output is output_size (h, w).",
        a -> {
          Object v = a.get("output_size");
          List<Object> items = Convert.items(v);
          if (items == null) return new AdaptiveAvgPool2d(new Integer[] {i(a, "output_size")}, false);
          if (items.size() != 2) throw new TdslError("output_size must be an int or a pair");
          Integer[] hw = new Integer[2];
          for (int k = 0; k < 2; k++) hw[k] = items.get(k) == null ? null : Convert.toInt(items.get(k), "output_size");
          return new AdaptiveAvgPool2d(hw, true);
        });
    layer(b, nn, "ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, dilation=1)",
        "A 2-D transposed convolution (upsampling): the gradient of Conv2d with respect to its input.",
        a -> new ConvTranspose2d(i(a, "in_channels"), i(a, "out_channels"), size(a, "kernel_size"), size(a, "stride"),
            size(a, "padding"), size(a, "output_padding"), i(a, "groups"), a.getBool("bias"), size(a, "dilation")));
  }

  /** RNN, GRU, LSTM: PyTorch's signatures (the keyword forms its *args/**kwargs accept). */
  private static void recurrent(Builtins b, Namespace nn) {
    String options = "num_layers=1, bias=True, batch_first=False, dropout=0.0, bidirectional=False";
    layer(b, nn, "RNN(input_size, hidden_size, " + options + ", nonlinearity='tanh')",
        "An Elman RNN: h = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh); returns (output, h_n).",
        a -> {
          String nl = a.getString("nonlinearity");
          if (!nl.equals("tanh") && !nl.equals("relu")) throw new TdslError("Unknown nonlinearity '" + nl + "'. Select from 'tanh' or 'relu'.");
          return recurrent(a, nl.equals("tanh") ? Recurrent.Mode.RNN_TANH : Recurrent.Mode.RNN_RELU);
        });
    layer(b, nn, "GRU(input_size, hidden_size, " + options + ")",
        "A gated recurrent unit layer (gates r, z, n); returns (output, h_n).", a -> recurrent(a, Recurrent.Mode.GRU));
    layer(b, nn, "LSTM(input_size, hidden_size, " + options + ", proj_size=0)",
        "A long short-term memory layer (gates i, f, g, o); returns (output, (h_n, c_n)).",
        a -> {
          if (i(a, "proj_size") != 0) throw new TdslError("LSTM: proj_size is not supported by tdsl");
          return recurrent(a, Recurrent.Mode.LSTM);
        });
  }

  private static Recurrent recurrent(Args a, Recurrent.Mode mode) {
    return new Recurrent(mode, i(a, "input_size"), i(a, "hidden_size"), i(a, "num_layers"), a.getBool("bias"),
        a.getBool("batch_first"), a.getDouble("dropout"), a.getBool("bidirectional"));
  }

  private static void containers(Builtins b, Namespace nn) {
    layer(b, nn, "Identity(*args, **kwargs)", "Returns its input (its arguments are ignored, as PyTorch's).", a -> new Identity());
    layer(b, nn, "ModuleList(modules=None)",
        "Layers in a list whose parameters count as the owner's: index, len, iterate, append, extend, insert.",
        a -> new ModuleList(a.get("modules") == null ? List.of() : modules(Values.toList(a.get("modules"), a.interpreter()))));
    layer(b, nn, "ModuleDict(modules=None)",
        "Layers by name whose parameters count as the owner's: d[key], keys, values, items, update, pop.",
        a -> {
          ModuleDict d = new ModuleDict(java.util.Map.of());
          Object src = a.get("modules");
          if (src instanceof org.tdsl.interp.PyDict dict) {
            for (Object k : dict.keys()) d.put(String.valueOf(k), modules(List.of(dict.get(k))).get(0));
          } else if (src != null) {
            for (Object pair : Values.toList(src, a.interpreter())) {
              List<Object> kv = Convert.items(pair);
              if (kv == null || kv.size() != 2) throw new TdslError("ModuleDict update sequence element has to be a (name, module) pair");
              d.put(String.valueOf(kv.get(0)), modules(List.of(kv.get(1))).get(0));
            }
          }
          return d;
        });
  }

  private static List<Module> modules(List<Object> items) {
    List<Module> out = new ArrayList<>();
    for (Object o : items) {
      if (!(o instanceof Module m)) throw new TdslError(Values.typeName(o) + " is not a Module subclass");
      out.add(m);
    }
    return out;
  }

  /** torch.nn.init: in-place initialisers drawing under PyTorch's names, each returning its tensor. */
  private static Namespace initNamespace() {
    Namespace init = new Namespace("torch.nn.init");
    fn(init, "uniform_(tensor, a=0.0, b=1.0)", "Fills tensor from U(a, b), in place.",
        a -> Init.uniform(t(a, "tensor"), a.getDouble("a"), a.getDouble("b")));
    fn(init, "normal_(tensor, mean=0.0, std=1.0)", "Fills tensor from N(mean, std²), in place.",
        a -> Init.normal(t(a, "tensor"), a.getDouble("mean"), a.getDouble("std")));
    fn(init, "constant_(tensor, val)", "Fills tensor with val, in place.",
        a -> Init.constant(t(a, "tensor"), a.getDouble("val")));
    fn(init, "zeros_(tensor)", "Fills tensor with 0, in place.", a -> Init.constant(t(a, "tensor"), 0));
    fn(init, "ones_(tensor)", "Fills tensor with 1, in place.", a -> Init.constant(t(a, "tensor"), 1));
    fn(init, "xavier_uniform_(tensor, gain=1.0)", "Glorot: U(-a, a) with a = gain sqrt(6 / (fan_in + fan_out)), in place.",
        a -> Init.xavierUniform(t(a, "tensor"), a.getDouble("gain")));
    fn(init, "xavier_normal_(tensor, gain=1.0)", "Glorot: N(0, gain² 2 / (fan_in + fan_out)), in place.",
        a -> Init.xavierNormal(t(a, "tensor"), a.getDouble("gain")));
    fn(init, "kaiming_uniform_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')",
        "He: U(-b, b) with b = gain sqrt(3 / fan), gain = calculate_gain(nonlinearity, a), in place.",
        a -> Init.kaimingUniform(t(a, "tensor"), a.getDouble("a"), a.getString("mode"), a.getString("nonlinearity")));
    fn(init, "kaiming_normal_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')",
        "He: N(0, gain² / fan), gain = calculate_gain(nonlinearity, a), in place.",
        a -> Init.kaimingNormal(t(a, "tensor"), a.getDouble("a"), a.getString("mode"), a.getString("nonlinearity")));
    fn(init, "calculate_gain(nonlinearity, param=None)", "The recommended gain of a nonlinearity: relu sqrt(2), tanh 5/3, ...",
        a -> {
          double gain = Init.calculateGain(a.getString("nonlinearity"), Convert.optionalDouble(a.get("param"), "param"));
          return gain == 1 && !a.getString("nonlinearity").equals("leaky_relu") ? (Object) 1L : (Object) gain;  // Python's int 1
        });
    return init;
  }

  /** torch.nn.utils: gradient clipping. */
  private static Namespace utilsNamespace() {
    Namespace utils = new Namespace("torch.nn.utils");
    fn(utils, "clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False)",
        "Scales the gradients so that their total norm is at most max_norm; returns the total norm before.",
        a -> ClipGrad.clipGradNorm(tensors(a, "parameters"), a.getDouble("max_norm"), normType(a.get("norm_type")),
            a.getBool("error_if_nonfinite")));
    fn(utils, "clip_grad_value_(parameters, clip_value)", "Clamps every gradient element into [-clip_value, clip_value].",
        a -> {
          ClipGrad.clipGradValue(tensors(a, "parameters"), a.getDouble("clip_value"));
          return null;
        });
    return utils;
  }

  private static double normType(Object v) {
    if (v instanceof String s && s.equals("inf")) return Double.POSITIVE_INFINITY;
    return Values.toDouble(v);
  }

  /** A tensor or an iterable of tensors (parameters() or a generator of them). */
  private static List<Tensor> tensors(Args a, String name) {
    Object v = a.get(name);
    if (v instanceof Tensor t) return List.of(t);
    List<Tensor> out = new ArrayList<>();
    for (Object o : Values.toList(v, a.interpreter())) out.add(Convert.tensor(o, name, name));
    return out;
  }

  private static void fn(Namespace ns, String signature, String help, BuiltinFn impl) {
    String name = signature.substring(0, signature.indexOf('('));
    ns.put(name, new Builtin(name, signature, help, impl));
  }

  /** The loss modules: each keeps its arguments and calls its functional form on (input, target). */
  private static void losses(Builtins b, Namespace nn) {
    layer(b, nn, "MSELoss(size_average=None, reduce=None, reduction='mean')", "The mean squared error (see mse_loss).",
        a -> new Loss("MSELoss", (x, y) -> Functional.mse_loss(x, y, reduction(a))));
    layer(b, nn, "L1Loss(size_average=None, reduce=None, reduction='mean')", "The mean absolute error (see l1_loss).",
        a -> new Loss("L1Loss", (x, y) -> Functional.l1_loss(x, y, reduction(a))));
    layer(b, nn, "SmoothL1Loss(size_average=None, reduce=None, reduction='mean', beta=1.0)",
        "Quadratic below beta, linear above (see smooth_l1_loss).",
        a -> new Loss("SmoothL1Loss", (x, y) -> Functional.smooth_l1_loss(x, y, reduction(a), a.getDouble("beta"))));
    layer(b, nn, "HuberLoss(reduction='mean', delta=1.0)", "Quadratic below delta, delta-scaled linear above (see huber_loss).",
        a -> new Loss("HuberLoss", (x, y) -> Functional.huber_loss(x, y, a.getString("reduction"), a.getDouble("delta"))));
    layer(b, nn, "BCELoss(weight=None, size_average=None, reduce=None, reduction='mean')",
        "Binary cross entropy of probabilities (see binary_cross_entropy).",
        a -> new Loss("BCELoss", (x, y) -> Functional.binary_cross_entropy(x, y, opt(a, "weight"), reduction(a)),
            buffers(a, "weight")));
    layer(b, nn, "BCEWithLogitsLoss(weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None)",
        "Binary cross entropy of logits, computed stably (see binary_cross_entropy_with_logits).",
        a -> new Loss("BCEWithLogitsLoss", (x, y) -> Functional.binary_cross_entropy_with_logits(x, y, opt(a, "weight"),
            reduction(a), opt(a, "pos_weight")), buffers(a, "weight", "pos_weight")));
    layer(b, nn, "CrossEntropyLoss(weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0)",
        "log_softmax then nll_loss of class indices, or of class probabilities (see cross_entropy).",
        a -> new Loss("CrossEntropyLoss", (x, y) -> Functional.cross_entropy(x, y, opt(a, "weight"), a.getLong("ignore_index"),
            reduction(a), a.getDouble("label_smoothing")), buffers(a, "weight")));
    layer(b, nn, "NLLLoss(weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')",
        "The negative log likelihood of the target classes, from log-probabilities (see nll_loss).",
        a -> new Loss("NLLLoss", (x, y) -> Functional.nll_loss(x, y, opt(a, "weight"), a.getLong("ignore_index"), reduction(a)),
            buffers(a, "weight")));
    layer(b, nn, "KLDivLoss(size_average=None, reduce=None, reduction='mean', log_target=False)",
        "Kullback-Leibler divergence of log-probabilities from a target distribution (see kl_div).",
        a -> new Loss("KLDivLoss", (x, y) -> Functional.kl_div(x, y, reduction(a), a.getBool("log_target"))));
  }

  /** A loss's tensor arguments, kept as its buffers. */
  private static java.util.Map<String, Tensor> buffers(Args a, String... names) {
    java.util.Map<String, Tensor> out = new java.util.LinkedHashMap<>();
    for (String n : names) out.put(n, opt(a, n));
    return out;
  }

  /** reduction=, or what the deprecated size_average= / reduce= pair meant (PyTorch's legacy_get_string). */
  private static String reduction(Args a) {
    Object sizeAverage = a.get("size_average"), reduce = a.get("reduce");
    if (sizeAverage == null && reduce == null) return a.getString("reduction");
    boolean average = sizeAverage == null || Values.truthy(sizeAverage, a.interpreter());
    boolean reduced = reduce == null || Values.truthy(reduce, a.interpreter());
    return !reduced ? "none" : average ? "mean" : "sum";
  }

  private static void functionalOps(Builtins b, Namespace torch, Namespace functional) {
    op(b, torch, functional, "conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)",
        "A 2-D convolution (see Conv2d).",
        a -> a.get("padding") instanceof String mode
            ? Functional.conv2d(in(a), t(a, "weight"), opt(a, "bias"), pair(a, "stride"), mode, pair(a, "dilation"), i(a, "groups"))
            : Functional.conv2d(in(a), t(a, "weight"), opt(a, "bias"), pair(a, "stride"), pair(a, "padding"),
                pair(a, "dilation"), i(a, "groups")));
    op(b, torch, functional, "max_pool2d(input, kernel_size, stride=None, padding=0)", "The maximum over each window.",
        a -> Functional.max_pool2d(in(a), pair(a, "kernel_size"), a.get("stride") == null ? null : pair(a, "stride"), pair(a, "padding")));
    op(b, torch, functional, "avg_pool2d(input, kernel_size, stride=None, padding=0, count_include_pad=True)",
        "The mean over each window.",
        a -> Functional.avg_pool2d(in(a), pair(a, "kernel_size"), a.get("stride") == null ? null : pair(a, "stride"),
            pair(a, "padding"), a.getBool("count_include_pad")));
    op(b, torch, functional, "linear(input, weight, bias=None)", "x W^T + b.",
        a -> Functional.linear(in(a), t(a, "weight"), opt(a, "bias")));
    op(b, torch, functional, "dropout(input, p=0.5, training=True)", "Zeroes elements with probability p (when training).",
        a -> Functional.dropout(in(a), a.getDouble("p"), a.getBool("training")));
    op(b, torch, functional, "dropout2d(input, p=0.5, training=True)", "Zeroes whole channels with probability p (when training).",
        a -> Functional.dropout2d(in(a), a.getDouble("p"), a.getBool("training")));
    op(b, torch, functional, "nll_loss(input, target, weight=None, ignore_index=-100, reduction='mean')",
        "The negative log likelihood of the target classes, from log-probabilities.",
        a -> Functional.nll_loss(in(a), t(a, "target"), opt(a, "weight"), a.getLong("ignore_index"), a.getString("reduction")));
    op(b, torch, functional, "cross_entropy(input, target, weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)",
        "log_softmax then nll_loss (targets may also be class probabilities).",
        a -> Functional.cross_entropy(in(a), t(a, "target"), opt(a, "weight"), a.getLong("ignore_index"),
            a.getString("reduction"), a.getDouble("label_smoothing")));
    op(b, torch, functional, "mse_loss(input, target, reduction='mean')", "The mean squared error.",
        a -> Functional.mse_loss(in(a), t(a, "target"), a.getString("reduction")));
    op(b, torch, functional, "l1_loss(input, target, size_average=None, reduce=None, reduction='mean')",
        "The mean absolute error |input - target|.",
        a -> Functional.l1_loss(in(a), t(a, "target"), reduction(a)));
    op(b, torch, functional, "smooth_l1_loss(input, target, size_average=None, reduce=None, reduction='mean', beta=1.0)",
        "0.5 d^2 / beta where |d| < beta, |d| - 0.5 beta elsewhere (d = input - target).",
        a -> Functional.smooth_l1_loss(in(a), t(a, "target"), reduction(a), a.getDouble("beta")));
    op(b, torch, functional, "huber_loss(input, target, reduction='mean', delta=1.0)",
        "0.5 d^2 where |d| < delta, delta (|d| - 0.5 delta) elsewhere (d = input - target).",
        a -> Functional.huber_loss(in(a), t(a, "target"), a.getString("reduction"), a.getDouble("delta")));
    op(b, torch, functional, "binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction='mean')",
        "-(t log x + (1 - t) log(1 - x)) for probabilities x, each log clamped at -100.",
        a -> Functional.binary_cross_entropy(in(a), t(a, "target"), opt(a, "weight"), reduction(a)));
    op(b, torch, functional,
        "binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None)",
        "binary_cross_entropy(sigmoid(input), target), computed stably from the logits.",
        a -> Functional.binary_cross_entropy_with_logits(in(a), t(a, "target"), opt(a, "weight"), reduction(a),
            opt(a, "pos_weight")));
    op(b, torch, functional, "kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False)",
        "target (log target - input) summed as reduction says ('batchmean': the sum over the batch size); input is log-probabilities.",
        a -> Functional.kl_div(in(a), t(a, "target"), reduction(a), a.getBool("log_target")));
    op(b, torch, functional, "embedding(input, weight, padding_idx=None)", "The rows of weight at input's indices.",
        a -> Embedding.lookup(in(a), t(a, "weight"), optionalInt(a, "padding_idx") == null ? null
            : Embedding.normalisePadding(optionalInt(a, "padding_idx"), t(a, "weight").size(0))));
    op(b, torch, functional,
        "batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05)",
        "Per-channel standardisation: batch statistics when training (updating the running ones), running ones otherwise.",
        a -> Normalize.batchNorm(in(a), opt(a, "running_mean"), opt(a, "running_var"), opt(a, "weight"), opt(a, "bias"),
            a.getBool("training"), a.getDouble("momentum"), a.getDouble("eps")));
    op(b, torch, functional, "layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)",
        "Standardisation over the last dims (normalized_shape).",
        a -> Normalize.layerNorm(in(a), Convert.ints(a.get("normalized_shape"), "normalized_shape"), opt(a, "weight"),
            opt(a, "bias"), a.getDouble("eps")));
    op(b, torch, functional, "group_norm(input, num_groups, weight=None, bias=None, eps=1e-05)",
        "Standardisation over each group of channels.",
        a -> Normalize.groupNorm(in(a), i(a, "num_groups"), opt(a, "weight"), opt(a, "bias"), a.getDouble("eps")));
    op(b, torch, functional, "dropout1d(input, p=0.5, training=True, inplace=False)",
        "Zeroes whole channels of N x C x L input with probability p (when training).",
        a -> Functional.dropout1d(in(a), a.getDouble("p"), a.getBool("training")));
    op(b, torch, functional, "adaptive_avg_pool2d(input, output_size)", "The mean over windows sized so that the output is output_size.",
        a -> {
          List<Object> items = Convert.items(a.get("output_size"));
          if (items == null) return AdaptiveAvgPool2d.pool(in(a), i(a, "output_size"), i(a, "output_size"));
          Integer h = items.get(0) == null ? null : Convert.toInt(items.get(0), "output_size");
          Integer w = items.get(1) == null ? null : Convert.toInt(items.get(1), "output_size");
          return AdaptiveAvgPool2d.pool(in(a), h, w);
        });
    op(b, torch, functional,
        "conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1)",
        "A 2-D transposed convolution (see ConvTranspose2d).",
        a -> ConvTranspose2d.convTranspose2d(in(a), t(a, "weight"), opt(a, "bias"), pair(a, "stride"), pair(a, "padding"),
            pair(a, "output_padding"), i(a, "groups"), pair(a, "dilation")));
    functional.put("flatten", torch.get("flatten"));
  }

  private static void layer(Builtins b, Namespace nn, String signature, String help, BuiltinFn impl) {
    Builtin layer = b.register(signature.substring(0, signature.indexOf('(')), signature, help, impl);
    nn.put(layer.name(), layer);
  }

  private static void op(Builtins b, Namespace torch, Namespace functional, String signature, String help, BuiltinFn impl) {
    Builtin f = b.register(signature.substring(0, signature.indexOf('(')), signature, help, impl);
    torch.put(f.name(), f);
    functional.put(f.name(), f);
  }

  private static Tensor in(Args a) { return MathOps.in(a); }

  private static Tensor t(Args a, String name) { return Convert.tensor(a.get(name), null, name); }

  private static Tensor opt(Args a, String name) { return a.get(name) == null ? null : t(a, name); }

  private static int i(Args a, String name) { return Convert.toInt(a.get(name), name); }

  private static Integer optionalInt(Args a, String name) { return a.get(name) == null ? null : i(a, name); }

  /** An int or an (h, w) pair, as PyTorch's layers keep it (for printing). */
  private static Size2 size(Args a, String name) {
    Object v = a.get(name);
    if (v == null) return null;
    int[] hw = Convert.ints(v, name);
    if (Convert.items(v) == null) return Size2.of(hw[0]);
    if (hw.length != 2) throw new TdslError(name + " must be an int or a pair of ints");
    return Size2.of(hw[0], hw[1]);
  }

  private static int[] pair(Args a, String name) {
    int[] hw = Convert.ints(a.get(name), name);
    return hw.length == 1 ? new int[] {hw[0], hw[0]} : hw;
  }
}
