package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.autograd.AnomalyMode;
import org.tdsl.autograd.Autograd;
import org.tdsl.autograd.GradMode;
import org.tdsl.autograd.Tape;
import org.tdsl.autograd.Torch;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyTuple;
import org.tdsl.tensor.Tensor;

/** backward, grad, the grad-mode context managers, and tape(). */
final class AutogradOps {
  private AutogradOps() {}

  /** What {@code with no_grad() { }} and friends hold: a mode to switch on, restored on exit. */
  static final class ModeSwitch {
    final String name;
    private final java.util.function.Supplier<GradMode.Scope> enter;
    private final java.util.ArrayDeque<GradMode.Scope> open = new java.util.ArrayDeque<>();

    ModeSwitch(String name, java.util.function.Supplier<GradMode.Scope> enter) {
      this.name = name;
      this.enter = enter;
    }

    static final Protocol<ModeSwitch> PROTOCOL = new Protocol<>() {
      @Override public String typeName(ModeSwitch self) { return self.name; }

      @Override public Object enter(ModeSwitch self) {
        self.open.push(self.enter.get());
        return null;
      }

      @Override public void exit(ModeSwitch self, Throwable error) {
        self.open.pop().close();
      }

      @Override public String repr(ModeSwitch self) { return "<torch.autograd.grad_mode." + self.name + " object>"; }

      /** As a decorator, @no_grad() wraps a function: each call runs inside the mode. */
      @Override public Object call(ModeSwitch self, org.tdsl.interp.Args args) {
        if (args.positional().size() != 1 || !args.keywords().isEmpty()) {
          throw new org.tdsl.interp.TdslError(self.name + " as a decorator takes one function");
        }
        Object f = args.positional().getFirst();
        String name = f instanceof org.tdsl.interp.PyCallable c ? c.name() : self.name;
        return new Builtin(name, name + "(*args, **kwargs)", "A function run under " + self.name + "().", a -> {
          try (GradMode.Scope s = self.enter.get()) {
            return a.interpreter().callValue(f, a.positional(), a.keywords());
          }
        });
      }
    };
  }

  static void install(OpTable t, Namespace autograd) {
    Builtin backward = t.function("backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None)",
        "Accumulates gradients of tensors into the leaves' .grad: backward(d, grad).",
        a -> {
          List<Tensor> outputs = tensorList(a.get("tensors"), "backward");
          List<Tensor> grads = a.get("grad_tensors") == null ? null : tensorList(a.get("grad_tensors"), "backward");
          boolean create = a.getBool("create_graph");
          Autograd.backward(outputs, grads, retain(a, create), create);
          return null;
        });
    t.method("backward(input, gradient=None, retain_graph=None, create_graph=False, inputs=None)",
        "Accumulates the gradient of this tensor into the leaves' .grad.",
        a -> {
          Tensor g = a.get("gradient") == null ? null : Convert.operand(a.get("gradient"), "backward");
          boolean create = a.getBool("create_graph");
          Autograd.backward(List.of(MathOps.in(a)), g == null ? null : java.util.Arrays.asList(g), retain(a, create), create);
          return null;
        });
    Builtin grad = t.function("grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, allow_unused=False)",
        "The gradients of outputs with respect to inputs, as a tuple; .grad is left alone.",
        a -> {
          List<Tensor> outs = tensorList(a.get("outputs"), "grad");
          List<Tensor> ins = tensorList(a.get("inputs"), "grad");
          List<Tensor> gos = a.get("grad_outputs") == null ? null : tensorList(a.get("grad_outputs"), "grad");
          Boolean retain = a.get("retain_graph") == null ? null : a.getBool("retain_graph");
          List<Tensor> got = Autograd.grad(outs, ins, gos, retain, a.getBool("create_graph"), a.getBool("allow_unused"));
          return new PyTuple(new ArrayList<>(got));
        });
    autograd.put("backward", backward);
    autograd.put("grad", grad);

    t.method("retain_grad(input)", "Keeps this non-leaf's gradient in .grad during backward.",
        a -> { Torch.retain_grad(MathOps.in(a)); return null; });
    t.method("requires_grad_(input, requires_grad=True)", "Starts (or stops) recording operations on this leaf.",
        a -> Torch.requires_grad_(MathOps.in(a), a.getBool("requires_grad")));

    t.function("no_grad()", "with no_grad() { ... }: operations inside are not recorded.",
        a -> new ModeSwitch("no_grad", GradMode::noGrad));
    t.function("enable_grad()", "with enable_grad() { ... }: recording on again, e.g. inside no_grad.",
        a -> new ModeSwitch("enable_grad", GradMode::enableGrad));
    t.function("set_grad_enabled(mode)", "with set_grad_enabled(False) { ... }: recording on or off.",
        a -> {
          boolean on = a.getBool("mode");
          return new ModeSwitch("set_grad_enabled", () -> GradMode.scope(on));
        });
    t.function("is_grad_enabled()", "Whether operations are being recorded now.", a -> GradMode.isEnabled());
    t.function("detect_anomaly()", "with detect_anomaly() { ... }: backward checks every gradient for NaN and says where the bad operation ran.",
        a -> new ModeSwitch("detect_anomaly", () -> AnomalyMode.enable(true)));
    autograd.put("detect_anomaly", t.torch().get("detect_anomaly"));
    AutogradFunction.install(autograd);
    t.function("tape(tensor)", "Prints the recorded operations that lead to tensor, in the order backward visits them.",
        a -> {
          String text = Tape.describe(Convert.tensor(a.get("tensor"), "tape", "tensor"));
          a.out().println(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
          return null;
        });
  }

  private static boolean retain(Args a, boolean create) {
    return a.get("retain_graph") == null ? create : a.getBool("retain_graph");
  }

  private static List<Tensor> tensorList(Object v, String fn) {
    List<Object> items = Convert.items(v);
    List<Tensor> out = new ArrayList<>();
    if (items == null) {
      out.add(Convert.tensor(v, fn, "tensors"));
    } else {
      for (Object o : items) out.add(Convert.tensor(o, fn, "tensors"));
    }
    return out;
  }
}
