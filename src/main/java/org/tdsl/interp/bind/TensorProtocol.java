package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tdsl.autograd.Torch;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.PyFormat;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.MethodTable;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.syntax.BinOp;
import org.tdsl.syntax.CmpOp;
import org.tdsl.syntax.UnaryOp;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/** How the interpreter treats a tensor: attributes, methods, operators, indexing, printing. */
final class TensorProtocol implements Protocol<Tensor> {
  private static final MethodTable<Tensor> ATTRIBUTES = new MethodTable<Tensor>()
      .attribute("shape", self -> new TorchSize(self.shape()))
      .attribute("dtype", Tensor::dtype)
      .attribute("ndim", self -> (long) self.dim())
      .attribute("grad", Tensor::grad)
      .attribute("grad_fn", Tensor::gradFn)
      .attribute("requires_grad", Tensor::requiresGrad)
      .attribute("is_leaf", Tensor::isLeaf)
      .attribute("data", Torch::detach)
      .attribute("T", self -> self.dim() < 2 ? self : Torch.permute(self, reversedDims(self.dim())))
      .attribute("device", self -> Device.CPU)
      .attribute("is_cuda", self -> false);

  private final Map<String, Builtin> methods;

  TensorProtocol(Map<String, Builtin> methods) {
    this.methods = methods;
  }

  static void installInfoMethods(OpTable t) {
    t.method("size(input, dim=None)", "The shape as torch.Size, or the size of one dim.",
        a -> {
          Tensor self = MathOps.in(a);
          return a.get("dim") == null ? new TorchSize(self.shape()) : (Object) (long) self.size(Convert.toInt(a.get("dim"), "dim"));
        });
    t.method("dim(input)", "The number of dims.", a -> (long) MathOps.in(a).dim());
    t.alias("ndimension", "dim");
    t.both("numel(input)", "The number of elements.", a -> (long) MathOps.in(a).numel());
    t.method("item(input)", "The value of a one-element tensor as a Python number.", a -> item(MathOps.in(a)));
    t.method("tolist(input)", "The values as nested Python lists.", a -> Convert.fromJava(MathOps.in(a).tolist()));
    t.method("is_contiguous(input)", "Whether the elements lie in row-major order without gaps.",
        a -> MathOps.in(a).isContiguous());
    t.method("is_floating_point(input)", "Whether the dtype is a floating-point one.",
        a -> MathOps.in(a).dtype().isFloatingPoint());
    t.method("cpu(input)", "Itself: tdsl runs on the CPU.", MathOps::in);
    t.method("numpy(input)", "tdsl has no numpy: a copy of the values as nested lists (changing one leaves the other alone).",
        a -> {
          a.interpreter().host().warn("UserWarning", "tdsl has no numpy: .numpy() returns a copy of the values as nested lists,"
              + " not an array that shares the tensor's memory");
          return Convert.fromJava(MathOps.in(a).tolist());
        });
  }

  static Object item(Tensor t) {
    if (t.numel() != 1) {
      throw new TdslError("only one element tensors can be converted to Python scalars");
    }
    Object v = t.item();
    return v instanceof Float f ? (double) f : v instanceof Integer i ? (long) i : v;
  }

  @Override public String typeName(Tensor self) { return self.isParameter() ? "Parameter" : "Tensor"; }

  @Override public String className(Tensor self) { return "torch.Tensor"; }

  @Override public Object getAttr(Tensor self, String name, Interpreter interpreter) {
    if (name.equals("grad") && !self.isLeaf() && !self.retainsGrad()) interpreter.host().warn("UserWarning", NON_LEAF_GRAD);
    return getAttr(self, name);
  }

  /** PyTorch's words, without its "(Triggered internally at ...)" tail. */
  static final String NON_LEAF_GRAD = "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. "
      + "Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to "
      + "be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf "
      + "Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 "
      + "for more informations.";

  @Override public Object getAttr(Tensor self, String name) {
    Object attribute = ATTRIBUTES.get(self, name);
    if (attribute != UNSUPPORTED) return attribute;
    Builtin m = methods.get(name);
    if (m == null) return UNSUPPORTED;
    return new BoundMethod(self, m);
  }

  private static int[] reversedDims(int n) {
    int[] d = new int[n];
    for (int i = 0; i < n; i++) d[i] = n - 1 - i;
    return d;
  }

  @Override public boolean setAttr(Tensor self, String name, Object value) {
    switch (name) {
      case "grad" -> {
        if (value != null && !(value instanceof Tensor)) {
          throw new TdslError("assigned grad expected to be a Tensor or None but got grad of type " + Values.typeName(value));
        }
        if (value instanceof Tensor g && !java.util.Arrays.equals(g.shape(), self.shape())) {
          throw new TdslError("assigned grad has data of a different size");
        }
        self.setGrad((Tensor) value);
        return true;
      }
      case "requires_grad" -> {
        Torch.requires_grad_(self, Values.truthy(value, null));
        return true;
      }
      case "data" -> {
        Tensor src = Convert.tensor(value, null, "data");
        try (var g = org.tdsl.autograd.GradMode.noGrad()) {
          Torch.copy_(self, src);
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  @Override public List<String> attributeNames(Tensor self) {
    List<String> names = ATTRIBUTES.names();
    names.addAll(methods.keySet());
    return names;
  }

  @Override public Object binary(Tensor self, BinOp op, Object other, boolean reflected) {
    if (!(other instanceof Tensor) && !Convert.isNumber(other)) return UNSUPPORTED;
    Tensor o = Convert.operand(other, op.symbol);
    Tensor a = reflected ? o : self, b = reflected ? self : o;
    // PyTorch's __rtruediv__ is reciprocal() * number, so 1 / x records MulBackward0.
    if (op == BinOp.DIV && reflected && !(other instanceof Tensor)) return Torch.mul(Torch.reciprocal(self), o);
    // and __rsub__ is rsub(self, number): 1 - x records RsubBackward1.
    if (op == BinOp.SUB && reflected && !(other instanceof Tensor)) return Torch.rsub(self, o);
    return switch (op) {
      case ADD -> Torch.add(a, b);
      case SUB -> Torch.sub(a, b);
      case MUL -> Torch.mul(a, b);
      case DIV -> Torch.div(a, b);
      case FLOORDIV -> Torch.floor_divide(a, b);
      case MOD -> Torch.remainder(a, b);
      case POW -> Torch.pow(a, b);
      case MATMUL -> Torch.matmul(a, b);
      case AND, OR, XOR -> {
        // PyTorch's & | ^ on bool tensors are the logical operations; on integers tdsl has no bitwise kernels.
        if (a.dtype() != DType.BOOL || b.dtype() != DType.BOOL) yield UNSUPPORTED;
        yield op == BinOp.AND ? Torch.logical_and(a, b) : op == BinOp.OR ? Torch.logical_or(a, b) : Torch.logical_xor(a, b);
      }
      default -> UNSUPPORTED;
    };
  }

  @Override public Object inplace(Tensor self, BinOp op, Object other) {
    if (!(other instanceof Tensor) && !Convert.isNumber(other)) return UNSUPPORTED;
    Tensor o = Convert.operand(other, op.symbol);
    return switch (op) {
      case ADD -> Torch.add_(self, o);
      case SUB -> Torch.sub_(self, o);
      case MUL -> Torch.mul_(self, o);
      case DIV -> Torch.div_(self, o);
      default -> UNSUPPORTED;
    };
  }

  @Override public Object unary(Tensor self, UnaryOp op) {
    return switch (op) {
      case NEG -> Torch.neg(self);
      case POS -> self;
      case INVERT -> self.dtype() == DType.BOOL ? Torch.logical_not(self) : UNSUPPORTED;
      default -> UNSUPPORTED;
    };
  }

  @Override public Object compare(Tensor self, CmpOp op, Object other) {
    if (!(other instanceof Tensor) && !Convert.isNumber(other)) {
      if (op == CmpOp.EQ) return false;
      if (op == CmpOp.NE) return true;
      return UNSUPPORTED;
    }
    Tensor o = Convert.operand(other, op.symbol);
    return switch (op) {
      case EQ -> Torch.eq(self, o);
      case NE -> Torch.ne(self, o);
      case LT -> Torch.lt(self, o);
      case LE -> Torch.le(self, o);
      case GT -> Torch.gt(self, o);
      case GE -> Torch.ge(self, o);
      default -> UNSUPPORTED;  // in / is are the language's, never a protocol's
    };
  }

  @Override public Object getItem(Tensor self, Object index) {
    return Torch.index(self, Convert.index(index));
  }

  @Override public boolean setItem(Tensor self, Object index, Object value) {
    if (value instanceof Tensor v) {
      Torch.setitem(self, Convert.index(index), v);
    } else if (Convert.isNumber(value)) {
      Torch.setitem(self, Convert.index(index), Values.toDouble(value));
    } else {
      throw new TdslError("can't assign a " + Values.typeName(value) + " to a Tensor");
    }
    return true;
  }

  @Override public long len(Tensor self) {
    if (self.dim() == 0) throw new TdslError("len() of a 0-d tensor");
    return self.size(0);
  }

  @Override public Iterator<Object> iterate(Tensor self) {
    if (self.dim() == 0) throw new TdslError("iteration over a 0-d tensor");
    return new Iterator<>() {
      int i = 0;

      @Override public boolean hasNext() { return i < self.size(0); }

      @Override public Object next() { return Torch.select(self, 0, i++); }
    };
  }

  @Override public Boolean truthy(Tensor self) {
    if (self.numel() != 1) {
      throw new TdslError("Boolean value of Tensor with " + (self.numel() == 0 ? "no values" : "more than one value") + " is ambiguous");
    }
    return self.itemDouble() != 0;
  }

  @Override public String repr(Tensor self) {
    return self.isParameter() ? "Parameter containing:\n" + self : self.toString();
  }

  @Override public String format(Tensor self, String spec) {
    if (spec.isEmpty()) return self.toString();
    if (self.dim() != 0) throw new TdslError("unsupported format string passed to Tensor.__format__");
    Object v = item(self);
    if (v instanceof Double d) return PyFormat.format(d, spec);
    if (v instanceof Long l) return PyFormat.format(l, spec);
    return PyFormat.format(String.valueOf(v), spec);
  }

  /** dtype values: torch.float32 and friends. */
  static final Protocol<DType> DTYPE = new Protocol<>() {
    @Override public String typeName(DType self) { return "dtype"; }

    @Override public String className(DType self) { return "torch.dtype"; }

    private static final MethodTable<DType> DTYPE_ATTRIBUTES = new MethodTable<DType>()
        .attribute("is_floating_point", DType::isFloatingPoint);

    @Override public Object getAttr(DType self, String name) { return DTYPE_ATTRIBUTES.get(self, name); }

    @Override public List<String> attributeNames(DType self) { return DTYPE_ATTRIBUTES.names(); }
  };
}
