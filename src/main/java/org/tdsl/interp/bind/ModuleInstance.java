package org.tdsl.interp.bind;

import java.util.List;
import java.util.Map;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyClass;
import org.tdsl.interp.PyObject;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.nn.Module;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/**
 * An instance of a program's subclass of nn.Module. It is an {@link Module}, so optimizers,
 * save/load, printing, train/eval and Sequential take it as they take a built-in layer;
 * assigning a layer, an nn.Parameter or a registered buffer's new value to one of its
 * attributes registers it, in order, under that name, as PyTorch's {@code Module.__setattr__}
 * does, which is what names {@code conv1.weight} in {@code state_dict}.
 */
final class ModuleInstance extends Module implements PyObject {
  private final PyClass cls;
  private final Map<String, Object> dict = new java.util.LinkedHashMap<>();
  private final Interpreter interpreter;

  ModuleInstance(PyClass cls, Interpreter interpreter) {
    this.cls = cls;
    this.interpreter = interpreter;
  }

  @Override public PyClass pyClass() { return cls; }

  @Override public Map<String, Object> dict() { return dict; }

  @Override public Interpreter interpreter() { return interpreter; }

  /** Inside a built-in container (Sequential): the program's module applied as {@code module(input)}. */
  @Override
  public Tensor forward(Tensor input) {
    Object out = interpreter.callValue(this, List.of(input), Map.of());
    if (out instanceof Tensor t) return t;
    throw new TdslError(cls.name() + ".forward() returned '" + Values.typeName(out, interpreter)
        + "' where a layer's output must be a Tensor");
  }

  @Override public String typeName() { return cls.name(); }

  /** The program's extra_repr(), as PyTorch prints it inside the parentheses. */
  @Override
  protected String extraRepr() {
    if (cls.lookup("extra_repr") == PyClass.ABSENT) return "";
    Object text = interpreter.callValue(interpreter.getAttr(this, "extra_repr"), List.of(), Map.of());
    return Values.str(text, interpreter);
  }

  /** repr(self): the class's __repr__ when the program defines one, else PyTorch's. */
  @Override public String toString() { return Values.repr(this, interpreter); }

  /** PyTorch's Module.__repr__ (nn.Module's own, which a program's __repr__ replaces). */
  String moduleRepr() { return super.toString(); }

  @Override
  public Object getNative(String name) {
    if (hasParameter(name)) return parameter(name);
    if (hasBuffer(name)) return buffer(name);
    if (hasChild(name)) return child(name);
    return Protocol.UNSUPPORTED;
  }

  /** PyTorch's Module.__setattr__: parameters, layers and buffers are registered, the rest stored. */
  @Override
  public void setNative(String name, Object value) {
    if (name.equals("training") && value instanceof Boolean mode) {
      setTrainingFlag(mode);
    } else if (value instanceof Tensor t && t.isParameter()) {
      dict.remove(name);
      forget(name);
      adoptParameter(name, t);
    } else if (hasParameter(name)) {
      if (value != null) throw wrongType(value, "parameter", name, "torch.nn.Parameter or None");
      adoptParameter(name, null);
    } else if (value instanceof Module m) {
      dict.remove(name);
      forget(name);
      registerModule(name, m);
    } else if (hasChild(name)) {
      if (value != null) throw wrongType(value, "child module", name, "torch.nn.Module or None");
      registerModule(name, null);
    } else if (hasBuffer(name)) {
      if (value != null && !(value instanceof Tensor)) throw wrongType(value, "buffer", name, "torch.Tensor or None");
      setBuffer(name, (Tensor) value);
    } else {
      dict.put(name, value);
    }
  }

  private TdslError wrongType(Object value, String what, String name, String expected) {
    String type = value instanceof Tensor t ? (t.dtype() == DType.INT64 ? "torch.LongTensor"
        : t.dtype() == DType.BOOL ? "torch.BoolTensor" : "torch.FloatTensor") : Values.typeName(value, interpreter);
    return new TdslError("cannot assign '" + type + "' as " + what + " '" + name + "' (" + expected + " expected)");
  }

  /** register_buffer: a name already used for something else is PyTorch's KeyError. */
  void registerBufferChecked(String name, Tensor value, boolean persistent) {
    if (name.contains(".")) throw new TdslError("KeyError: 'buffer name can\\'t contain \".\"'");
    if (dict.containsKey(name) || (hasParameter(name) || hasChild(name))) {
      throw new TdslError("KeyError: \"attribute '" + name + "' already exists\"");
    }
    registerBuffer(name, value, persistent);
  }
}
