package org.tdsl.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tdsl.tensor.Index;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

/** A finite-difference check of every differentiable operation's backward formula. */
class GradCheckOpsTest {
  private record Case(String name, Function<Tensor[], Tensor> f, Tensor[] inputs) {}

  private static final Rng RNG = new Rng(7);

  /** Normal values kept at least 0.2 away from 0 (kinks of abs, relu, sign live there). */
  static Tensor randn(int... shape) {
    float[] v = new float[org.tdsl.tensor.Shapes.numel(shape)];
    for (int i = 0; i < v.length; i++) {
      double x = RNG.nextGaussian();
      v[i] = (float) (Math.abs(x) < 0.2 ? Math.copySign(0.2 + Math.abs(x), x) : x);
    }
    return Tensor.of(v, shape);
  }

  /** Values in [0.5, 2): safe for log, sqrt, division. */
  static Tensor positive(int... shape) {
    float[] v = new float[org.tdsl.tensor.Shapes.numel(shape)];
    for (int i = 0; i < v.length; i++) v[i] = (float) (0.5 + 1.5 * RNG.nextDouble());
    return Tensor.of(v, shape);
  }

  /** Distinct values (no ties for max/min/sort), shuffled. */
  static Tensor distinct(int... shape) {
    int n = org.tdsl.tensor.Shapes.numel(shape);
    long[] perm = Tensor.randperm(n).toLongArray();
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) (perm[i] * 0.3 - n * 0.15);
    return Tensor.of(v, shape);
  }

  static Tensor idx(long... v) { return Tensor.of(v, v.length); }

  private static Case c(String name, Function<Tensor[], Tensor> f, Tensor... in) { return new Case(name, f, in); }

  static List<Case> cases() {
    List<Case> l = new ArrayList<>();
    // arithmetic, with broadcasting both ways
    l.add(c("add", x -> Torch.add(x[0], x[1]), randn(2, 3), randn(2, 3)));
    l.add(c("add broadcast", x -> Torch.add(x[0], x[1]), randn(2, 3), randn(3)));
    l.add(c("add broadcast both", x -> Torch.add(x[0], x[1]), randn(2, 1, 3), randn(4, 1)));
    l.add(c("add alpha", x -> Torch.add(x[0], x[1], 2.5), randn(3), randn(2, 3)));
    l.add(c("add scalar", x -> Torch.add(x[0], 2.0), randn(3)));
    l.add(c("sub", x -> Torch.sub(x[0], x[1]), randn(2, 3), randn(1, 3)));
    l.add(c("sub alpha", x -> Torch.sub(x[0], x[1], 0.5), randn(2, 3), randn(2, 3)));
    l.add(c("rsub", x -> Torch.rsub(x[0], 3.0), randn(4)));
    l.add(c("mul", x -> Torch.mul(x[0], x[1]), randn(2, 3), randn(2, 3)));
    l.add(c("mul broadcast", x -> Torch.mul(x[0], x[1]), randn(4, 1), randn(1, 3)));
    l.add(c("mul self", x -> Torch.mul(x[0], x[0]), randn(3)));
    l.add(c("div", x -> Torch.div(x[0], x[1]), randn(2, 3), positive(2, 3)));
    l.add(c("div broadcast", x -> Torch.div(x[0], x[1]), randn(2, 3), positive(2, 1)));
    l.add(c("rdiv", x -> Torch.rdiv(x[0], 2.0), positive(3)));
    l.add(c("remainder", x -> Torch.remainder(x[0], 1.7), positive(5)));
    l.add(c("pow scalar", x -> Torch.pow(x[0], 3.0), randn(2, 3)));
    l.add(c("pow fractional", x -> Torch.pow(x[0], 1.5), positive(4)));
    l.add(c("pow tensor", x -> Torch.pow(x[0], x[1]), positive(2, 3), randn(3)));
    l.add(c("pow scalar base", x -> Torch.pow(2.0, x[0]), randn(4)));
    l.add(c("neg", x -> Torch.neg(x[0]), randn(3)));
    l.add(c("abs", x -> Torch.abs(x[0]), randn(2, 3)));
    l.add(c("exp", x -> Torch.exp(x[0]), randn(2, 3)));
    l.add(c("log", x -> Torch.log(x[0]), positive(2, 3)));
    l.add(c("log2", x -> Torch.log2(x[0]), positive(4)));
    l.add(c("log1p", x -> Torch.log1p(x[0]), positive(4)));
    l.add(c("expm1", x -> Torch.expm1(x[0]), randn(4)));
    l.add(c("sqrt", x -> Torch.sqrt(x[0]), positive(2, 3)));
    l.add(c("rsqrt", x -> Torch.rsqrt(x[0]), positive(4)));
    l.add(c("sin", x -> Torch.sin(x[0]), randn(5)));
    l.add(c("cos", x -> Torch.cos(x[0]), randn(5)));
    l.add(c("tan", x -> Torch.tan(Torch.mul(x[0], 0.3)), randn(5)));
    l.add(c("tanh", x -> Torch.tanh(x[0]), randn(2, 3)));
    l.add(c("sigmoid", x -> Torch.sigmoid(x[0]), randn(2, 3)));
    l.add(c("relu", x -> Torch.relu(x[0]), randn(2, 3)));
    l.add(c("leaky_relu", x -> Torch.leaky_relu(x[0], 0.1), randn(2, 3)));
    l.add(c("gelu", x -> Torch.gelu(x[0]), randn(2, 3)));
    l.add(c("softplus", x -> Torch.softplus(x[0]), randn(2, 3)));
    l.add(c("clamp", x -> Torch.clamp(x[0], -0.5, 0.7), randn(3, 4)));
    l.add(c("clamp min", x -> Torch.clamp(x[0], 0.1, null), randn(3, 4)));
    l.add(c("clamp max", x -> Torch.clamp(x[0], null, 0.1), randn(3, 4)));
    l.add(c("sign", x -> Torch.mul(Torch.sign(x[0]), x[0]), randn(4)));
    l.add(c("floor", x -> Torch.add(Torch.floor(x[0]), x[0]), Tensor.of(new float[] {-1.7f, -0.3f, 0.4f, 1.2f}, 4)));
    l.add(c("ceil", x -> Torch.add(Torch.ceil(x[0]), x[0]), Tensor.of(new float[] {-1.7f, -0.3f, 0.4f, 1.2f}, 4)));
    l.add(c("round", x -> Torch.add(Torch.round(x[0]), x[0]), Tensor.of(new float[] {-1.7f, -0.3f, 0.4f, 1.2f}, 4)));
    l.add(c("reciprocal", x -> Torch.reciprocal(x[0]), positive(4)));
    l.add(c("square", x -> Torch.square(x[0]), randn(4)));
    l.add(c("maximum", x -> Torch.maximum(x[0], x[1]), randn(2, 3), randn(3)));
    l.add(c("minimum", x -> Torch.minimum(x[0], x[1]), randn(2, 3), randn(2, 3)));
    l.add(c("where", x -> Torch.where(Torch.gt(x[0], x[1]), x[0], x[1]), randn(2, 3), randn(3)));
    // reductions, all and along each dim
    l.add(c("sum", x -> Torch.sum(x[0]), randn(2, 3)));
    for (int d = 0; d < 3; d++) {
      int dim = d;
      l.add(c("sum dim " + d, x -> Torch.sum(x[0], new int[] {dim}, false), randn(2, 3, 4)));
      l.add(c("sum keepdim " + d, x -> Torch.sum(x[0], new int[] {dim}, true), randn(2, 3, 4)));
      l.add(c("mean dim " + d, x -> Torch.mean(x[0], new int[] {dim}, false), randn(2, 3, 4)));
      l.add(c("max dim " + d, x -> Torch.max(x[0], dim, false)[0], distinct(2, 3, 4)));
      l.add(c("min dim " + d, x -> Torch.min(x[0], dim, true)[0], distinct(2, 3, 4)));
      l.add(c("var dim " + d, x -> Torch.var(x[0], new int[] {dim}, 1, false), randn(2, 3, 4)));
      l.add(c("std dim " + d, x -> Torch.std(x[0], new int[] {dim}, 0, true), randn(2, 3, 4)));
      l.add(c("logsumexp dim " + d, x -> Torch.logsumexp(x[0], new int[] {dim}, false), randn(2, 3, 4)));
      l.add(c("softmax dim " + d, x -> Torch.softmax(x[0], dim), randn(2, 3, 4)));
      l.add(c("log_softmax dim " + d, x -> Torch.log_softmax(x[0], dim), randn(2, 3, 4)));
      l.add(c("cumsum dim " + d, x -> Torch.cumsum(x[0], dim), randn(2, 3, 4)));
      l.add(c("prod dim " + d, x -> Torch.prod(x[0], new int[] {dim}, false), positive(2, 3, 4)));
      l.add(c("norm dim " + d, x -> Torch.norm(x[0], 2, new int[] {dim}, false), randn(2, 3, 4)));
    }
    l.add(c("sum dims 0,2", x -> Torch.sum(x[0], new int[] {0, 2}, false), randn(2, 3, 4)));
    l.add(c("mean", x -> Torch.mean(x[0]), randn(2, 3)));
    l.add(c("prod", x -> Torch.prod(x[0]), positive(2, 3)));
    l.add(c("prod with zero", x -> Torch.prod(x[0]), Tensor.of(new float[] {0.5f, 0f, 1.5f, 2f}, 4)));
    l.add(c("max", x -> Torch.max(x[0]), distinct(2, 3)));
    l.add(c("min", x -> Torch.min(x[0]), distinct(2, 3)));
    l.add(c("var", x -> Torch.var(x[0]), randn(2, 3)));
    l.add(c("std", x -> Torch.std(x[0]), randn(2, 3)));
    l.add(c("norm", x -> Torch.norm(x[0]), randn(2, 3)));
    l.add(c("norm p1", x -> Torch.norm(x[0], 1, null, false), randn(2, 3)));
    l.add(c("norm p3", x -> Torch.norm(x[0], 3, null, false), randn(2, 3)));
    // linear algebra
    l.add(c("mm", x -> Torch.mm(x[0], x[1]), randn(2, 3), randn(3, 4)));
    l.add(c("mm transposed", x -> Torch.mm(Torch.t(x[0]), x[1]), randn(3, 2), randn(3, 4)));
    l.add(c("bmm", x -> Torch.bmm(x[0], x[1]), randn(2, 2, 3), randn(2, 3, 2)));
    l.add(c("dot", x -> Torch.dot(x[0], x[1]), randn(4), randn(4)));
    l.add(c("mv", x -> Torch.mv(x[0], x[1]), randn(2, 3), randn(3)));
    l.add(c("outer", x -> Torch.outer(x[0], x[1]), randn(2), randn(3)));
    l.add(c("matmul 1d 2d", x -> Torch.matmul(x[0], x[1]), randn(3), randn(3, 2)));
    l.add(c("matmul 3d 2d", x -> Torch.matmul(x[0], x[1]), randn(2, 2, 3), randn(3, 2)));
    l.add(c("matmul 3d 1d", x -> Torch.matmul(x[0], x[1]), randn(2, 2, 3), randn(3)));
    l.add(c("matmul batched broadcast", x -> Torch.matmul(x[0], x[1]), randn(2, 1, 2, 3), randn(3, 3, 2)));
    l.add(c("matmul 1d 3d", x -> Torch.matmul(x[0], x[1]), randn(3), randn(2, 3, 2)));
    // views and slicing
    l.add(c("view", x -> Torch.mul(Torch.view(x[0], 3, 2), x[1]), randn(2, 3), randn(3, 2)));
    l.add(c("reshape copy", x -> Torch.mul(Torch.reshape(Torch.t(x[0]), 6), x[1]), randn(2, 3), randn(6)));
    l.add(c("flatten", x -> Torch.flatten(x[0], 1, 2), randn(2, 3, 2)));
    l.add(c("transpose", x -> Torch.transpose(x[0], 0, 2), randn(2, 3, 2)));
    l.add(c("permute", x -> Torch.mul(Torch.permute(x[0], 2, 0, 1), x[1]), randn(2, 3, 4), randn(4, 2, 3)));
    l.add(c("expand", x -> Torch.expand(x[0], 2, 3, 4), randn(3, 1)));
    l.add(c("unsqueeze", x -> Torch.unsqueeze(x[0], 1), randn(2, 3)));
    l.add(c("squeeze", x -> Torch.squeeze(x[0]), randn(2, 1, 3)));
    l.add(c("squeeze dim", x -> Torch.squeeze(x[0], 1), randn(2, 1, 3)));
    l.add(c("select", x -> Torch.select(x[0], 1, -1), randn(2, 3, 2)));
    l.add(c("narrow", x -> Torch.narrow(x[0], 1, 1, 2), randn(2, 4)));
    l.add(c("slice step", x -> Torch.slice(x[0], 0, 1, null, 2), randn(6, 2)));
    l.add(c("index basic", x -> Torch.index(x[0], Index.at(0), Index.slice(1, 3, null)), randn(2, 4)));
    l.add(c("index ellipsis", x -> Torch.index(x[0], Index.ELLIPSIS, Index.at(-1)), randn(2, 3, 4)));
    l.add(c("index newaxis", x -> Torch.index(x[0], Index.NEW_AXIS, Index.all(), Index.slice(null, null, 2)), randn(2, 4)));
    l.add(c("index tensor dup", x -> Torch.index(x[0], Index.take(idx(2, 0, 2))), randn(3, 2)));
    l.add(c("index tensor dim1", x -> Torch.index(x[0], Index.all(), Index.take(idx(1, 1, 0))), randn(2, 3)));
    l.add(c("index two tensors", x -> Torch.index(x[0], Index.take(idx(0, 1)), Index.take(idx(2, 0))), randn(2, 3)));
    l.add(c("index mask", x -> Torch.index(x[0], Index.take(Tensor.of(new boolean[] {true, false, true, true, false, true}, 2, 3))),
        randn(2, 3)));
    // joining and moving
    l.add(c("cat", x -> Torch.cat(List.of(x[0], x[1]), 1), randn(2, 2), randn(2, 3)));
    l.add(c("stack", x -> Torch.stack(List.of(x[0], x[1]), 1), randn(2, 3), randn(2, 3)));
    l.add(c("split", x -> Torch.mul(Torch.split(x[0], 2, 0).get(1), 3.0), randn(5, 2)));
    l.add(c("chunk both", x -> Torch.add(Torch.chunk(x[0], 2, 1).get(0), Torch.chunk(x[0], 2, 1).get(1)), randn(2, 4)));
    l.add(c("repeat", x -> Torch.repeat(x[0], 2, 1, 3), randn(2, 3)));
    l.add(c("flip", x -> Torch.flip(x[0], 0, 1), randn(2, 3)));
    l.add(c("gather", x -> Torch.gather(x[0], 1, Tensor.of(new long[] {0, 0, 2, 1}, 2, 2)), randn(2, 3)));
    l.add(c("scatter", x -> Torch.scatter(x[0], 1, Tensor.of(new long[] {0, 2}, 2, 1), x[1]), randn(2, 3), randn(2, 1)));
    l.add(c("scatter_add", x -> Torch.scatter_add(x[0], 0, Tensor.of(new long[] {1, 1, 0}, 1, 3), x[1]), randn(2, 3),
        randn(1, 3)));
    l.add(c("index_select", x -> Torch.index_select(x[0], 0, idx(2, 0, 2)), randn(3, 2)));
    l.add(c("index_add", x -> Torch.index_add(x[0], 0, idx(1, 1), x[1]), randn(3, 2), randn(2, 2)));
    l.add(c("masked_fill", x -> Torch.masked_fill(x[0], Torch.gt(x[0], Tensor.wrap(0.3)), 0.5), randn(2, 3)));
    l.add(c("topk", x -> Torch.topk(x[0], 2, 1, true)[0], distinct(2, 4)));
    l.add(c("sort", x -> Torch.sort(x[0], 0, false)[0], distinct(3, 2)));
    l.add(c("clone", x -> Torch.clone(x[0]), randn(3)));
    l.add(c("contiguous", x -> Torch.contiguous(Torch.t(x[0])), randn(2, 3)));
    l.add(c("where scalar", x -> Torch.where(Torch.gt(x[0], Tensor.wrap(0.0)), x[0], Tensor.wrap(0.0)), randn(5)));
    l.add(c("div floor (zero grad)", x -> Torch.add(Torch.div(x[0], x[1], "floor"), x[0]),
        Tensor.of(new float[] {1.3f, -2.6f, 3.7f}, 3), Tensor.of(new float[] {0.7f, 0.9f, 1.1f}, 3)));
    l.add(c("div trunc (zero grad)", x -> Torch.add(Torch.div(x[0], Tensor.wrap(2.0), "trunc"), x[0]),
        Tensor.of(new float[] {1.3f, -2.7f, 3.5f}, 3)));
    l.add(c("norm inf", x -> Torch.norm(x[0], Double.POSITIVE_INFINITY, null, false), distinct(2, 3)));
    l.add(c("expand_as", x -> Torch.mul(Torch.expand_as(x[0], x[1]), x[1]), randn(1, 3), randn(2, 3)));
    l.add(c("split_with_sizes", x -> Torch.mul(Torch.split_with_sizes(x[0], new int[] {1, 3}, 1).get(1), 2.0),
        randn(2, 4)));
    l.add(c("logsumexp all", x -> Torch.logsumexp(x[0], null, false), randn(2, 3)));
    l.add(c("mean dims keepdim", x -> Torch.mean(x[0], new int[] {0, 2}, true), randn(2, 3, 4)));
    l.add(c("scatter scalar", x -> Torch.scatter(x[0], 0, Tensor.of(new long[] {1, 0}, 1, 2), 0.5), randn(2, 2)));
    l.add(c("to float32 is identity", x -> Torch.to(x[0], org.tdsl.tensor.DType.FLOAT32), randn(3)));
    l.add(c("leaky_relu negative slope 0.3", x -> Torch.leaky_relu(x[0], 0.3), randn(5)));
    l.add(c("softplus beta", x -> Torch.softplus(x[0], 2.0, 5.0), randn(5)));
    // a small network
    l.add(c("mlp", x -> Torch.log_softmax(Torch.add(Torch.matmul(Torch.tanh(Torch.add(Torch.matmul(x[0], x[1]), x[2])),
        x[3]), Tensor.wrap(0.1)), 1), randn(4, 3), randn(3, 5), randn(5), randn(5, 2)));
    return l;
  }

  @TestFactory Stream<DynamicTest> firstDerivatives() {
    return cases().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> GradCheck.check(k.f(), k.inputs())));
  }

  static List<Case> secondOrderCases() {
    List<Case> l = new ArrayList<>();
    l.add(c("mul", x -> Torch.mul(x[0], x[1]), randn(3), randn(3)));
    l.add(c("exp", x -> Torch.exp(x[0]), randn(3)));
    l.add(c("tanh", x -> Torch.tanh(x[0]), randn(3)));
    l.add(c("sigmoid", x -> Torch.sigmoid(x[0]), randn(3)));
    l.add(c("pow", x -> Torch.pow(x[0], 3.0), randn(3)));
    l.add(c("div", x -> Torch.div(x[0], x[1]), randn(3), positive(3)));
    l.add(c("log", x -> Torch.log(x[0]), positive(3)));
    l.add(c("sin", x -> Torch.sin(x[0]), randn(3)));
    l.add(c("mm", x -> Torch.mm(Torch.mul(x[0], x[0]), x[1]), randn(2, 3), randn(3, 2)));
    l.add(c("softmax", x -> Torch.softmax(x[0], 1), randn(2, 3)));
    l.add(c("log_softmax", x -> Torch.log_softmax(x[0], 0), randn(2, 3)));
    l.add(c("sum broadcast", x -> Torch.mul(Torch.add(x[0], x[1]), Torch.add(x[0], x[1])), randn(2, 3), randn(3)));
    l.add(c("select", x -> Torch.mul(Torch.select(x[0], 0, 1), Torch.select(x[0], 0, 1)), randn(2, 3)));
    l.add(c("slice", x -> Torch.pow(Torch.slice(x[0], 1, 0, 2, 1), 2.0), randn(2, 3)));
    l.add(c("index", x -> Torch.pow(Torch.index(x[0], Index.take(idx(1, 1))), 2.0), randn(2, 3)));
    l.add(c("sqrt", x -> Torch.sqrt(x[0]), positive(3)));
    l.add(c("gelu", x -> Torch.gelu(x[0]), randn(4)));
    l.add(c("var", x -> Torch.var(x[0], new int[] {1}, 1, false), randn(2, 4)));
    l.add(c("mean", x -> Torch.mul(Torch.mean(x[0]), Torch.mean(x[0])), randn(2, 3)));
    return l;
  }

  @TestFactory Stream<DynamicTest> secondDerivatives() {
    return secondOrderCases().stream()
        .map(k -> DynamicTest.dynamicTest(k.name(), () -> GradCheck.checkSecondOrder(k.f(), k.inputs())));
  }
}
