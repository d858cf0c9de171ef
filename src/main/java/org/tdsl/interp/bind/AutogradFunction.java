package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tdsl.autograd.Node;
import org.tdsl.autograd.Torch;
import org.tdsl.autograd.GradMode;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyClass;
import org.tdsl.interp.PyClassMethod;
import org.tdsl.interp.PyInstance;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.Tensor;

/**
 * torch.autograd.Function, which programs subclass with a static forward(ctx, ...) and
 * backward(ctx, ...): {@code Fn.apply(*args)} runs forward with grad mode off and, when an input
 * tensor requires grad, records one node {@code <Fn>Backward} through {@link Torch#recordMulti}
 * whose backward calls the program's backward in the interpreter (so saved tensors are
 * version-checked like any other, and create_graph differentiates through it).
 */
final class AutogradFunction {
  private AutogradFunction() {}

  /** The ctx forward and backward share: saved tensors, needs_input_grad, and any attribute a program sets. */
  private static final class FunctionCtx extends PyInstance {
    private final List<Object> args;
    private Tensor[] toSave = new Tensor[0];
    private Node.Context node;

    FunctionCtx(PyClass cls, Interpreter interpreter, List<Object> args) {
      super(cls, interpreter);
      this.args = args;
    }

    @Override
    public Object getNative(String name) {
      switch (name) {
        case "saved_tensors": {
          List<Object> out = new ArrayList<>();
          for (int i = 0; i < toSave.length; i++) out.add(node == null ? toSave[i] : node.saved(i));
          return new PyTuple(out);
        }
        case "needs_input_grad": {
          List<Object> out = new ArrayList<>();
          for (Object a : args) out.add(a instanceof Tensor t && t.requiresGrad());
          return new PyTuple(out);
        }
        default:
          return Protocol.UNSUPPORTED;
      }
    }
  }

  static void install(Namespace autograd) {
    PyClass ctxClass = PyClass.library("FunctionCtx", "torch.autograd.function", PyClass.OBJECT, v -> false,
        (cls, ip) -> new FunctionCtx(cls, ip, List.of()));
    ctxClass.defineNative("save_for_backward(self, *tensors)", a -> {
      List<Object> items = a.varargs("tensors").items();
      Tensor[] saved = new Tensor[items.size()];
      for (int i = 0; i < saved.length; i++) {
        if (items.get(i) != null && !(items.get(i) instanceof Tensor)) {
          throw new TdslError("save_for_backward can only save variables, but argument " + i + " is of type " + Values.typeName(items.get(i)));
        }
        saved[i] = (Tensor) items.get(i);
      }
      ((FunctionCtx) a.get("self")).toSave = saved;
      return null;
    });
    // Outputs that are not differentiable are plain tensors here anyway when their dtype is integral; for float outputs it is a no-op
    ctxClass.defineNative("mark_non_differentiable(self, *args)", a -> null);
    ctxClass.defineNative("set_materialize_grads(self, value)", a -> null);

    PyClass function = PyClass.library("Function", "torch.autograd.function", PyClass.OBJECT, v -> false, PyInstance::new);
    function.define("apply", new PyClassMethod(new Builtin("Function.apply", "apply(cls, *args)",
        "Runs the class's forward(ctx, *args) and records its backward for autograd.",
        a -> apply((PyClass) a.get("cls"), ctxClass, a.varargs("args").items(), a.interpreter()))));
    autograd.put("Function", function);
  }

  private static Object apply(PyClass cls, PyClass ctxClass, List<Object> args, Interpreter ip) {
    FunctionCtx ctx = new FunctionCtx(ctxClass, ip, args);
    List<Object> forwardArgs = new ArrayList<>(args.size() + 1);
    forwardArgs.add(ctx);
    forwardArgs.addAll(args);
    Object out;
    try (var ignored = GradMode.noGrad()) {
      out = ip.callValue(ip.getAttr(cls, "forward"), forwardArgs, Map.of());
    }
    List<Tensor> inputs = new ArrayList<>();
    for (Object arg : args) if (arg instanceof Tensor t) inputs.add(t);
    Tensor[] inputArray = inputs.toArray(new Tensor[0]);
    if (!Torch.isRecording(inputArray)) return out;

    boolean tuple = out instanceof PyTuple;
    if (!tuple && !(out instanceof Tensor)) return out;
    List<Object> outItems = tuple ? new ArrayList<>(((PyTuple) out).items()) : new ArrayList<>(List.of(out));
    List<Tensor> outs = new ArrayList<>();
    for (int i = 0; i < outItems.size(); i++) {
      if (!(outItems.get(i) instanceof Tensor t)) continue;
      // an input returned as is must not become its own output: PyTorch returns a view of it
      for (Object arg : args) if (arg == t) { t = t.detach(); outItems.set(i, t); }
      outs.add(t);
    }
    if (outs.isEmpty()) return out;
    String name = cls.name() + "Backward";
    Tensor[] outArray = outs.toArray(new Tensor[0]);
    Torch.recordMulti(name, inputArray, outArray, ctx.toSave, c -> backward(name, cls, ctx, c, args, outArray, ip));
    return tuple ? new PyTuple(outItems) : outItems.get(0);
  }

  /** Calls the program's backward and maps its gradients (one per forward argument) to the tensor inputs. */
  private static Tensor[] backward(String name, PyClass cls, FunctionCtx ctx, Node.Context c, List<Object> args,
      Tensor[] outs, Interpreter ip) {
    ctx.node = c;
    List<Object> backwardArgs = new ArrayList<>();
    backwardArgs.add(ctx);
    for (int i = 0; i < outs.length; i++) {
      Tensor g = c.grad(i);
      backwardArgs.add(g != null ? g : Tensor.zeros(outs[i].dtype(), outs[i].shape()));
    }
    Object result = ip.callValue(ip.getAttr(cls, "backward"), backwardArgs, Map.of());
    List<Object> grads = result instanceof PyTuple t ? t.items() : java.util.Collections.singletonList(result);
    if (grads.size() != args.size()) {
      throw new TdslError("function " + name + " returned an incorrect number of gradients (expected "
          + args.size() + ", got " + grads.size() + ")");
    }
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (!(args.get(i) instanceof Tensor)) continue;
      Object g = grads.get(i);
      if (g != null && !(g instanceof Tensor)) {
        throw new TdslError("function " + name + " returned a gradient of type " + Values.typeName(g) + " for input " + i + ", not a Tensor or None");
      }
      out.add((Tensor) g);
    }
    return out.toArray(new Tensor[0]);
  }
}
