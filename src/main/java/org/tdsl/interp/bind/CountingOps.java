package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.autograd.Torch;
import org.tdsl.interp.Args;
import org.tdsl.interp.PyTuple;
import org.tdsl.tensor.Counting;
import org.tdsl.tensor.Tensor;

/** nonzero, where(condition), unique, bincount, histc, one_hot, isclose and allclose. */
final class CountingOps {
  private CountingOps() {}

  static void install(OpTable t) {
    t.both("nonzero(input, *, as_tuple=False)",
        "The indices of the nonzero elements: an (n, dim) tensor, or with as_tuple=True one index tensor per dim.",
        a -> a.getBool("as_tuple") ? perDim(Counting.nonzero(MathOps.in(a))) : Counting.nonzero(MathOps.in(a)));
    t.both("unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None)",
        "The distinct values, sorted; return_inverse= adds where each element went, return_counts= how often each occurs.",
        a -> {
          if (a.get("dim") != null) throw new org.tdsl.interp.TdslError("unique(): tdsl does not support dim= yet");
          Tensor[] r = Counting.unique(MathOps.in(a));
          boolean inverse = a.getBool("return_inverse"), counts = a.getBool("return_counts");
          if (!inverse && !counts) return r[0];
          List<Object> out = new ArrayList<>(List.of(r[0]));
          if (inverse) out.add(r[1]);
          if (counts) out.add(r[2]);
          return new PyTuple(out);
        });
    t.both("bincount(input, weights=None, minlength=0)",
        "How often each of 0, 1, 2, ... occurs in a vector of non-negative ints (or the sum of their weights).",
        a -> Counting.bincount(MathOps.in(a), a.get("weights") == null ? null : Convert.tensor(a.get("weights"), "bincount", "weights"),
            Convert.toInt(a.get("minlength"), "minlength")));
    t.both("histc(input, bins=100, min=0, max=0)", "A histogram with equal bins over [min, max] (the data's range when min == max).",
        a -> Counting.histc(MathOps.in(a), Convert.toInt(a.get("bins"), "bins"), a.getDouble("min"), a.getDouble("max")));
    t.both("isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)",
        "Elementwise |input - other| <= atol + rtol * |other|.",
        a -> isclose(a));
    t.both("allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)",
        "True when every element is close: isclose(...).all().",
        a -> Torch.all(isclose(a), null, false).getDouble(0) != 0);
    t.both("equal(input, other)", "True when both have the same shape and the same elements (torch.equal).",
        a -> {
          Tensor x = MathOps.in(a), y = Convert.operand(a.get("other"), "equal");
          return java.util.Arrays.equals(x.shape(), y.shape()) && Torch.all(Torch.eq(x, y), null, false).getDouble(0) != 0;
        });
    t.torchOnly("one_hot(tensor, num_classes=-1)",
        "Each class index becomes a row of num_classes zeros with a 1 at the index (int64).",
        a -> Counting.oneHot(Convert.tensor(a.get("tensor"), "one_hot", "tensor"), Convert.toInt(a.get("num_classes"), "num_classes")));
  }

  private static Tensor isclose(Args a) {
    return Counting.isclose(MathOps.in(a), Convert.operand(a.get("other"), "isclose"), a.getDouble("rtol"), a.getDouble("atol"),
        a.getBool("equal_nan"));
  }

  /** nonzero(as_tuple=True) and where(condition): the columns of nonzero's rows. */
  static PyTuple perDim(Tensor rows) {
    List<Object> cols = new ArrayList<>();
    for (int d = 0; d < rows.size(1); d++) cols.add(Torch.contiguous(Torch.select(rows, 1, d)));
    return new PyTuple(cols);
  }
}
