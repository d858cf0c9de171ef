package org.tdsl.repl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The short map that plain {@code :help} shows: builtins grouped by what they are for. A
 * topic lists names; those the interpreter does not have are left out, and {@code :help all}
 * shows every builtin, the ones no topic names under "more".
 */
final class HelpTopics {
  record Topic(String name, String title, List<String> names) {}

  static final List<Topic> ALL = List.of(
      new Topic("tensors", "Tensors: make them", List.of("tensor", "zeros", "ones", "full", "eye", "arange", "linspace",
          "rand", "randn", "randint", "randperm", "zeros_like", "ones_like", "empty", "manual_seed", "float32", "int64")),
      new Topic("math", "Math on tensors (also t.NAME)", List.of("add", "sub", "mul", "div", "matmul", "exp", "log", "sqrt",
          "abs", "pow", "clamp", "where", "sum", "mean", "max", "min", "argmax", "argmin", "std", "var", "norm", "prod",
          "cumsum", "logsumexp", "sort", "topk", "softmax", "log_softmax")),
      new Topic("shapes", "Shapes and indexing", List.of("reshape", "view", "flatten", "t", "transpose", "permute",
          "unsqueeze", "squeeze", "cat", "stack", "split", "chunk", "narrow", "select", "gather", "scatter",
          "index_select", "masked_fill", "flip", "clone", "detach", "numel")),
      new Topic("autograd", "Autograd", List.of("backward", "grad", "no_grad", "enable_grad", "set_grad_enabled",
          "is_grad_enabled", "detect_anomaly", "tape")),
      new Topic("nn", "Layers, losses, training", List.of("nn", "F", "optim", "Linear", "Conv2d", "ConvTranspose2d",
          "Embedding", "LSTM", "GRU", "RNN", "BatchNorm1d", "BatchNorm2d", "LayerNorm", "GroupNorm", "AdaptiveAvgPool2d",
          "Dropout1d", "Identity", "Sequential", "ModuleList", "ModuleDict", "MSELoss", "L1Loss", "SmoothL1Loss",
          "HuberLoss", "BCELoss", "BCEWithLogitsLoss", "CrossEntropyLoss", "NLLLoss", "KLDivLoss", "Adagrad", "LBFGS",
          "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "LambdaLR", "OneCycleLR", "ReduceLROnPlateau",
          "relu", "sigmoid", "tanh", "leaky_relu", "gelu", "softplus", "dropout", "cross_entropy", "nll_loss", "mse_loss",
          "l1_loss", "smooth_l1_loss", "huber_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits", "kl_div",
          "embedding", "batch_norm", "layer_norm", "group_norm")),
      new Topic("data", "Data and files", List.of("mnist", "TensorDataset", "DataLoader", "save", "load", "device", "time", "open")),
      new Topic("viz", "Pictures", List.of("show", "plot", "save_image", "save_graph")),
      new Topic("python", "Python", List.of("print", "len", "range", "enumerate", "zip", "map", "filter", "sorted", "reversed",
          "list", "tuple", "dict", "set", "frozenset", "str", "int", "float", "bool", "round", "divmod", "pow", "min", "max",
          "sum", "any", "all", "abs", "chr", "ord", "hex", "bin", "isinstance", "callable", "getattr", "hasattr", "setattr",
          "vars", "iter", "next", "format", "repr", "open", "type", "dir", "help", "exit", "quit")),
      new Topic("modules", "Python's modules (import NAME binds the same)", List.of("math", "random", "argparse", "time",
          "os", "sys", "collections")));

  private HelpTopics() {}

  /** Topic names, for completion after :help. */
  static List<String> names() {
    List<String> names = new ArrayList<>(ALL.stream().map(Topic::name).toList());
    names.add("all");
    return names;
  }

  static Topic named(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  /** The overview: one line per topic with its names (as many as fit), and the commands. */
  static String overview(List<ReplBackend.BuiltinInfo> builtins, int width) {
    Set<String> known = known(builtins);
    StringBuilder sb = new StringBuilder();
    sb.append("tdsl runs PyTorch code: indented or in braces, torch. prefix optional. :help NAME (or help(x), x?) for one;\n");
    sb.append(":help TOPIC lists a topic with one line each; :help all lists everything. Tab completes.\n\n");
    for (Topic t : ALL) {
      String head = String.format("  %-9s", t.name());
      StringBuilder line = new StringBuilder(head);
      for (String n : t.names()) {
        if (!known.contains(n)) continue;
        if (line.length() + n.length() + 5 > width) {
          line.append(" ...");
          break;
        }
        line.append(' ').append(n);
      }
      sb.append(line).append('\n');
    }
    sb.append("\nREPL commands:\n");
    for (Commands.Command c : Commands.ALL) sb.append(String.format("  %-20s %s%n", c.usage(), c.help()));
    return sb.toString().stripTrailing();
  }

  /** One topic (or all builtins, grouped): each name with its line of help. */
  static String listing(Topic topic, List<ReplBackend.BuiltinInfo> builtins) {
    StringBuilder sb = new StringBuilder();
    if (topic != null) {
      section(sb, topic.title(), topic.names(), builtins);
      return sb.toString().stripTrailing();
    }
    Set<String> listed = new LinkedHashSet<>();
    for (Topic t : ALL) {
      section(sb, t.title(), t.names(), builtins);
      listed.addAll(t.names());
    }
    List<String> rest = builtins.stream().map(ReplBackend.BuiltinInfo::name)
        .filter(n -> !listed.contains(n) && !n.contains(".")).toList();
    section(sb, "More", rest, builtins);
    return sb.toString().stripTrailing();
  }

  private static void section(StringBuilder sb, String title, List<String> names, List<ReplBackend.BuiltinInfo> builtins) {
    sb.append(title).append(":\n");
    for (String n : names) {
      for (ReplBackend.BuiltinInfo b : builtins) {
        if (b.name().equals(n)) {
          sb.append(String.format("  %-16s %s%n", n, b.help()));
          break;
        }
      }
    }
    sb.append('\n');
  }

  private static Set<String> known(List<ReplBackend.BuiltinInfo> builtins) {
    Set<String> known = new LinkedHashSet<>();
    for (ReplBackend.BuiltinInfo b : builtins) known.add(b.name());
    return known;
  }
}
