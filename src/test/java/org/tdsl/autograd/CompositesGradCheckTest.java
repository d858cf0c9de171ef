package org.tdsl.autograd;

import static org.tdsl.autograd.GradCheckOpsTest.randn;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tdsl.tensor.Tensor;

/** Finite differences against the gradients of triu, tril, diag, trace, addmm, baddbmm and einsum. */
class CompositesGradCheckTest {
  private record Case(Function<Tensor[], Tensor> f, Tensor[] inputs) {}

  private static Case c(Function<Tensor[], Tensor> f, Tensor... in) { return new Case(f, in); }

  private static Function<Tensor[], Tensor> einsum(String eq) {
    return x -> Composites.einsum(eq, List.of(x));
  }

  static Map<String, Case> cases() {
    return Map.ofEntries(
        Map.entry("triu", c(x -> Composites.triu(x[0], 0), randn(3, 4))),
        Map.entry("triu +1 batched", c(x -> Composites.triu(x[0], 1), randn(2, 3, 3))),
        Map.entry("tril -1", c(x -> Composites.tril(x[0], -1), randn(4, 3))),
        Map.entry("diag of vector", c(x -> Composites.diag(x[0], 0), randn(3))),
        Map.entry("diag of vector, offset 1", c(x -> Composites.diag(x[0], 1), randn(3))),
        Map.entry("diag of vector, offset -2", c(x -> Composites.diag(x[0], -2), randn(2))),
        Map.entry("diag of matrix", c(x -> Composites.diag(x[0], 0), randn(3, 4))),
        Map.entry("diag of matrix, offset 1", c(x -> Composites.diag(x[0], 1), randn(3, 4))),
        Map.entry("diag of matrix, offset -1", c(x -> Composites.diag(x[0], -1), randn(3, 4))),
        Map.entry("trace", c(x -> Composites.trace(x[0]), randn(3, 3))),
        Map.entry("addmm", c(x -> Composites.addmm(x[0], x[1], x[2], 1, 1), randn(2, 3), randn(2, 4), randn(4, 3))),
        Map.entry("addmm broadcast, beta alpha", c(x -> Composites.addmm(x[0], x[1], x[2], 0.5, 2), randn(3), randn(2, 4), randn(4, 3))),
        Map.entry("addmm beta 0", c(x -> Composites.addmm(x[0], x[1], x[2], 0, 1), randn(2, 3), randn(2, 4), randn(4, 3))),
        Map.entry("baddbmm", c(x -> Composites.baddbmm(x[0], x[1], x[2], 0.5, 1.5), randn(2, 2, 3), randn(2, 2, 4), randn(2, 4, 3))),
        Map.entry("einsum ij,jk->ik", c(einsum("ij,jk->ik"), randn(2, 3), randn(3, 4))),
        Map.entry("einsum bij,bjk->bik", c(einsum("bij,bjk->bik"), randn(2, 2, 3), randn(2, 3, 2))),
        Map.entry("einsum i,i->", c(einsum("i,i->"), randn(4), randn(4))),
        Map.entry("einsum ij->ji", c(einsum("ij->ji"), randn(2, 3))),
        Map.entry("einsum ii->i", c(einsum("ii->i"), randn(3, 3))),
        Map.entry("einsum ij->", c(einsum("ij->"), randn(2, 3))),
        Map.entry("einsum bi,bi->b", c(einsum("bi,bi->b"), randn(3, 4), randn(3, 4))),
        Map.entry("einsum i,j->ij", c(einsum("i,j->ij"), randn(3), randn(2))),
        Map.entry("einsum ij,kj->ik", c(einsum("ij,kj->ik"), randn(2, 3), randn(4, 3))),
        Map.entry("einsum ij,j (implicit)", c(einsum("ij,j"), randn(2, 3), randn(3))),
        Map.entry("einsum ij,jk->j (own letters summed first)", c(einsum("ij,jk->j"), randn(2, 3), randn(3, 2))));
  }

  @TestFactory Stream<DynamicTest> firstDerivatives() {
    return cases().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> GradCheck.check(e.getValue().f(), e.getValue().inputs())));
  }
}
