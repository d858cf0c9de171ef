package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.autograd.Composites;
import org.tdsl.autograd.Torch;
import org.tdsl.interp.Args;

/** triu, tril, diag, trace, addmm, baddbmm, einsum, clamp_min and clamp_max. */
final class MatrixOps {
  private MatrixOps() {}

  static void install(OpTable t) {
    t.both("triu(input, diagonal=0)", "The upper triangle of a matrix (of the last two dims); the rest zeros.",
        a -> Composites.triu(MathOps.in(a), diagonal(a)));
    t.both("tril(input, diagonal=0)", "The lower triangle of a matrix (of the last two dims); the rest zeros.",
        a -> Composites.tril(MathOps.in(a), diagonal(a)));
    t.both("diag(input, diagonal=0)", "A vector's diagonal matrix, or a matrix's diagonal as a vector.",
        a -> Composites.diag(MathOps.in(a), diagonal(a)));
    t.both("trace(input)", "The sum of a matrix's diagonal.", a -> Composites.trace(MathOps.in(a)));
    t.both("addmm(input, mat1, mat2, *, beta=1, alpha=1)", "beta * input + alpha * (mat1 @ mat2).",
        a -> Composites.addmm(MathOps.in(a), Convert.tensor(a.get("mat1"), "addmm", "mat1"),
            Convert.tensor(a.get("mat2"), "addmm", "mat2"), a.getDouble("beta"), a.getDouble("alpha")));
    t.both("baddbmm(input, batch1, batch2, *, beta=1, alpha=1)", "beta * input + alpha * (batch1 @ batch2), batch by batch.",
        a -> Composites.baddbmm(MathOps.in(a), Convert.tensor(a.get("batch1"), "baddbmm", "batch1"),
            Convert.tensor(a.get("batch2"), "baddbmm", "batch2"), a.getDouble("beta"), a.getDouble("alpha")));
    t.function("einsum(equation, *operands)",
        "Sums of products named by subscripts: einsum('ij,jk->ik', a, b), 'bij,bjk->bik', 'i,i->', 'ij->ji', 'ii->i', ...",
        a -> {
          List<Object> items = a.varargs("operands").items();
          if (items.size() == 1 && Convert.items(items.get(0)) != null) items = Convert.items(items.get(0));
          List<org.tdsl.tensor.Tensor> ts = new ArrayList<>();
          for (Object o : items) ts.add(Convert.tensor(o, "einsum", "operands"));
          return Composites.einsum(a.getString("equation"), ts);
        });
    t.both("clamp_min(input, min)", "clamp(input, min=min).",
        a -> Torch.clamp(MathOps.in(a), Convert.optionalDouble(a.get("min"), "min"), null));
    t.both("clamp_max(input, max)", "clamp(input, max=max).",
        a -> Torch.clamp(MathOps.in(a), null, Convert.optionalDouble(a.get("max"), "max")));
  }

  private static int diagonal(Args a) {
    return Convert.toInt(a.get("diagonal"), "diagonal");
  }
}
