package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyTuple;

/**
 * What the REPL shows for a foreign value with a tensor's attributes, before the tensor
 * bindings exist: a stand-in class registered through the interpreter's protocol, and a
 * {@code tape} builtin, as the autograd bindings will register them.
 */
class TensorLikeTest {
  /** Stands in for org.tdsl.tensor.Tensor. */
  record Tensor(List<Long> shape, boolean requiresGrad) {}

  static final Protocol<Tensor> PROTOCOL = new Protocol<>() {
    @Override public Object getAttr(Tensor t, String name) {
      return switch (name) {
        case "shape" -> new PyTuple(List.copyOf(t.shape()));
        case "dtype" -> "torch.float32";
        case "requires_grad" -> t.requiresGrad();
        case "grad", "grad_fn" -> null;
        default -> UNSUPPORTED;
      };
    }
    @Override public List<String> attributeNames(Tensor t) {
      return List.of("shape", "dtype", "requires_grad", "grad", "grad_fn", "backward", "sum");
    }
  };

  static Interpreter interpreter(PrintStream out) {
    Builtins table = Builtins.standard();
    table.registerProtocol(Tensor.class, PROTOCOL);
    table.register("randn", "randn(*size, requires_grad=False, dtype=None)", "Random numbers from N(0, 1).",
        a -> new Tensor(a.varargs("size").items().stream().map(o -> (Long) o).toList(), a.getBool("requires_grad")));
    table.register("tape", "tape(t)", "Print the operations recorded on the tape that lead to t.", a -> {
      a.out().println("tape of a tensor of shape " + ((Tensor) a.get("t")).shape());
      return null;
    });
    return new Interpreter(table, out);
  }

  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final InterpreterBackend backend = new InterpreterBackend(TensorLikeTest::interpreter, new PrintStream(bytes, true, StandardCharsets.UTF_8));

  @Test
  void varsShowsShapeDtypeAndRequiresGrad() {
    backend.run("w = randn(2, 3, requires_grad=True)\nn = 4");
    List<ReplBackend.VarInfo> vars = backend.variables();
    assertTrue(vars.contains(new ReplBackend.VarInfo("w", "Tensor", "[2, 3]", "torch.float32", "True", "")), vars.toString());
    assertTrue(vars.contains(new ReplBackend.VarInfo("n", "int", "", "", "", "4")), vars.toString());
  }

  @Test
  void completionAfterADotOffersTheTensorsAttributes() {
    backend.run("w = randn(2)");
    TdslCompleter completer = new TdslCompleter(backend, java.nio.file.Path.of("."));
    List<String> values = completer.candidates("w.gr", 4).stream().map(c -> c.value()).toList();
    assertTrue(values.containsAll(List.of("grad", "grad_fn", "backward", "shape")), values.toString());
    List<String> kwargs = completer.candidates("x = randn(3, re", 15).stream().map(c -> c.value()).toList();
    assertTrue(kwargs.containsAll(List.of("requires_grad=", "dtype=")), kwargs.toString());
  }

  @Test
  void tapeCommandPrintsWhatTheTapeBuiltinPrints() throws Exception {
    try (Session s = new Session(null, out -> new InterpreterBackend(TensorLikeTest::interpreter, out))) {
      s.type("w = randn(2, 2)\r").type(":tape w\r").awaitScreen("tape of a tensor of shape [2, 2]\n");
      s.type(":help tape\r").awaitScreen("tape(t)\n  Print the operations recorded on the tape that lead to t.\n");
      s.type(":vars\r").awaitScreen("w     Tensor  [2, 2]  torch.float32  False\n");
    }
  }
}
