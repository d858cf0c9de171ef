package org.tdsl.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdsl.tensor.Index;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.TensorException;

/** The engine's semantics against PyTorch 1.13 (expected values come from the expressions in comments). */
class EngineTest {
  static Tensor leaf(float... v) { return Torch.requires_grad_(Tensor.of(v, v.length), true); }

  static Tensor leaf2(int rows, int cols, float... v) { return Torch.requires_grad_(Tensor.of(v, rows, cols), true); }

  static List<String> order(Tensor t) { return Tape.visitOrder(t).stream().map(Node::name).toList(); }

  @Test void gradientsAccumulateAcrossBackwardCalls() {
    Tensor x = leaf(1, 2);
    Autograd.backward(Torch.sum(Torch.mul(x, x)));
    Autograd.backward(Torch.sum(Torch.mul(x, 3.0)));
    // x.grad after (x*x).sum().backward(); (x*3).sum().backward() -> tensor([5., 7.])
    assertArrayEquals(new float[] {5, 7}, x.grad().toFloatArray());
  }

  @Test void reusedValueGetsSumOfPaths() {
    Tensor x = leaf(3);
    Tensor y = Torch.mul(x, x);
    Tensor z = Torch.add(Torch.mul(y, x), y); // x^3 + x^2 -> 3x^2 + 2x = 33
    Autograd.backward(z, Tensor.of(new float[] {1}, 1));
    assertArrayEquals(new float[] {33}, x.grad().toFloatArray());
  }

  @Test void secondBackwardNeedsRetainGraph() {
    Tensor x = leaf(1, 2);
    Tensor y = Torch.sum(Torch.mul(x, 2.0));
    Autograd.backward(List.of(y), null, true, false);
    Autograd.backward(y);
    assertArrayEquals(new float[] {4, 4}, x.grad().toFloatArray());
    Tensor z = Torch.sum(Torch.exp(x));
    Autograd.backward(z);
    TensorException e = assertThrows(TensorException.class, () -> Autograd.backward(z));
    assertEquals("Trying to backward through the graph a second time (or directly access saved tensors after they have"
        + " already been freed). Saved intermediate values of the graph are freed when you call .backward() or"
        + " autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if"
        + " you need to access saved tensors after calling backward.", e.getMessage());
  }

  @Test void errorsForImplicitGradAndNoGradFn() {
    Tensor x = leaf(1, 2);
    Tensor y = Torch.mul(x, 2.0);
    assertEquals("grad can be implicitly created only for scalar outputs",
        assertThrows(TensorException.class, () -> Autograd.backward(y)).getMessage());
    Tensor c = Tensor.of(new float[] {1}, 1);
    assertEquals("element 0 of tensors does not require grad and does not have a grad_fn",
        assertThrows(TensorException.class, () -> Autograd.backward(Torch.sum(c))).getMessage());
  }

  @Test void retainGradKeepsNonLeafGradient() {
    Tensor x = leaf(1, 2);
    Tensor y = Torch.mul(x, 3.0);
    Tensor z = Torch.mul(x, 3.0);
    Torch.retain_grad(y);
    Autograd.backward(Torch.sum(Torch.add(Torch.mul(y, y), z)));
    assertArrayEquals(new float[] {6, 12}, y.grad().toFloatArray()); // 2y
    assertNull(z.grad());
    assertArrayEquals(new float[] {21, 39}, x.grad().toFloatArray()); // 18x + 3
  }

  @Test void noGradRecordsNothing() {
    Tensor x = leaf(1, 2);
    Tensor y;
    try (GradMode.Scope s = GradMode.noGrad()) {
      y = Torch.mul(x, 2.0);
      try (GradMode.Scope e = GradMode.enableGrad()) {
        assertTrue(Torch.mul(x, 2.0).requiresGrad());
      }
      assertFalse(GradMode.isEnabled());
    }
    assertTrue(GradMode.isEnabled());
    assertFalse(y.requiresGrad());
    assertNull(y.gradFn());
  }

  @Test void leafInPlaceErrorsOutsideNoGrad() {
    Tensor x = leaf(0, 0, 0);
    assertEquals("a leaf Variable that requires grad is being used in an in-place operation.",
        assertThrows(TensorException.class, () -> Torch.add_(x, 1.0)).getMessage());
    try (GradMode.Scope s = GradMode.noGrad()) {
      Torch.add_(x, 1.0);
    }
    assertArrayEquals(new float[] {1, 1, 1}, x.toFloatArray());
    assertEquals("a view of a leaf Variable that requires grad is being used in an in-place operation.",
        assertThrows(TensorException.class, () -> Torch.mul_(Torch.select(x, 0, 0), 2.0)).getMessage());
  }

  @Test void requiresGradOnNonLeaf() {
    Tensor y = Torch.mul(leaf(1), 2.0);
    assertEquals("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in"
        + " a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
        assertThrows(TensorException.class, () -> Torch.requires_grad_(y, false)).getMessage());
  }

  @Test void modifiedSavedTensorIsReported() {
    // a=torch.ones(2,2,requires_grad=True); b=a*1; c=b*b; b.mul_(2); c.sum().backward()
    Tensor a = Torch.requires_grad_(Tensor.ones(2, 2), true);
    Tensor b = Torch.mul(a, 1.0);
    Tensor c = Torch.mul(b, b);
    Torch.mul_(b, 2.0);
    assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation:"
        + " [torch.FloatTensor [2, 2]], which is output 0 of MulBackward0, is at version 1; expected version 0 instead."
        + " Hint: enable anomaly detection to find the operation that failed to compute its gradient, with"
        + " torch.autograd.set_detect_anomaly(True).",
        assertThrows(TensorException.class, () -> Autograd.backward(Torch.sum(c))).getMessage());
    // the leaf form has no "which is output" part
    Tensor l = Torch.requires_grad_(Tensor.ones(2, 2), true);
    Tensor m = Torch.mul(l, l);
    try (GradMode.Scope s = GradMode.noGrad()) { Torch.mul_(l, 2.0); }
    assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation:"
        + " [torch.FloatTensor [2, 2]] is at version 1; expected version 0 instead. Hint: enable anomaly detection to"
        + " find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).",
        assertThrows(TensorException.class, () -> Autograd.backward(Torch.sum(m))).getMessage());
  }

  @Test void inPlaceOnNonLeafRebasesHistory() {
    // x=torch.tensor([1.,2.],requires_grad=True); y=x*2; y.mul_(3); y.grad_fn.next_functions -> ((MulBackward0, 0), (None, 0))
    Tensor x = leaf(1, 2);
    Tensor y = Torch.mul(x, 2.0);
    Node first = (Node) y.gradFn();
    Torch.mul_(y, 3.0);
    Node second = (Node) y.gradFn();
    assertEquals("MulBackward0", second.name());
    assertSame(first, second.nextFunctions().get(0).node());
    assertNull(second.nextFunctions().get(1).node());
    Autograd.backward(Torch.sum(y));
    assertArrayEquals(new float[] {6, 6}, x.grad().toFloatArray());
    assertEquals(List.of("SumBackward0", "MulBackward0", "MulBackward0", "AccumulateGrad"), order(Torch.sum(y)));
  }

  @Test void inPlaceWithGradOnBothSides() {
    Tensor x = leaf(1, 2);
    Tensor w = leaf(3, 4);
    Tensor y = Torch.mul(x, 1.0);
    Torch.mul_(y, w);
    Torch.clamp_(y, 0.0, 5.0);
    Autograd.backward(Torch.sum(y));
    // y = clamp(x*w, 0, 5) = [3, 8->5]: dy/dx = [3, 0], dy/dw = [1, 0]
    assertArrayEquals(new float[] {3, 0}, x.grad().toFloatArray());
    assertArrayEquals(new float[] {1, 0}, w.grad().toFloatArray());
  }

  @Test void setitemRecordsCopySlices() {
    // x=torch.tensor([1.,2.,3.],requires_grad=True); v=torch.tensor(7.,requires_grad=True); y=x*1; y[1:]=v
    // y.sum().backward() -> x.grad tensor([1., 0., 0.]), v.grad tensor(2.)
    Tensor x = leaf(1, 2, 3);
    Tensor v = Torch.requires_grad_(Tensor.scalar(7.0), true);
    Tensor y = Torch.mul(x, 1.0);
    Torch.setitem(y, List.of(Index.slice(1, null, null)), v);
    assertEquals("CopySlices", y.gradFn().name());
    assertArrayEquals(new float[] {1, 7, 7}, y.toFloatArray());
    Autograd.backward(Torch.sum(y));
    assertArrayEquals(new float[] {1, 0, 0}, x.grad().toFloatArray());
    assertEquals(2.0, v.grad().itemDouble());
  }

  @Test void nextFunctionsAndStableAccumulateGrad() {
    // a=torch.ones(2,requires_grad=True); c=(a*2).exp(); c.grad_fn.next_functions -> ((MulBackward0, 0),)
    Tensor a = leaf(1, 1);
    Tensor m = Torch.mul(a, 2.0);
    Tensor c = Torch.exp(m);
    List<Edge> next = ((Node) c.gradFn()).nextFunctions();
    assertEquals(1, next.size());
    assertSame(m.gradFn(), next.get(0).node());
    Edge toLeaf = ((Node) m.gradFn()).nextFunctions().get(0);
    assertEquals("AccumulateGrad", toLeaf.node().name());
    Edge again = ((Node) Torch.mul(a, 3.0).gradFn()).nextFunctions().get(0);
    assertSame(toLeaf.node(), again.node());
    assertEquals("[(<MulBackward0>, 0)]", next.toString());
  }

  @Test void visitOrderMatchesPyTorch() {
    // hooks on every node of f=(a*b).exp()... in PyTorch 1.13 fire in this order:
    // ['AddBackward0', 'SumBackward0', 'SumBackward0', 'AddBackward0', 'ExpBackward0', 'MulBackward0', 'AccumulateGrad', 'AccumulateGrad']
    Tensor a = leaf(1, 2), b = leaf(3, 4);
    Tensor c = Torch.mul(a, b);
    Tensor e = Torch.add(c, Torch.exp(c));
    Tensor f = Torch.add(Torch.sum(e), Torch.sum(a));
    assertEquals(List.of("AddBackward0", "SumBackward0", "SumBackward0", "AddBackward0", "ExpBackward0", "MulBackward0",
        "AccumulateGrad", "AccumulateGrad"), order(f));
    // h=(x@w+bias).relu(); y=(h*h).mean()+(w*w).sum():
    // ['AddBackward0', 'SumBackward0', 'MulBackward0', 'MeanBackward0', 'MulBackward0', 'ReluBackward0', 'AddBackward0',
    //  'AccumulateGrad', 'MmBackward0', 'AccumulateGrad', 'AccumulateGrad']
    Tensor x = leaf2(2, 2, 1, 2, 3, 4), w = leaf2(2, 2, 0.5f, -1, 2, 1), bias = leaf(0.1f, 0.2f);
    Tensor h = Torch.relu(Torch.add(Torch.matmul(x, w), bias));
    Tensor y = Torch.add(Torch.mean(Torch.mul(h, h)), Torch.sum(Torch.mul(w, w)));
    assertEquals(List.of("AddBackward0", "SumBackward0", "MulBackward0", "MeanBackward0", "MulBackward0", "ReluBackward0",
        "AddBackward0", "AccumulateGrad", "MmBackward0", "AccumulateGrad", "AccumulateGrad"), order(y));
  }

  @Test void tapeDescribesInVisitOrder() {
    Tensor x = Torch.requires_grad_(Tensor.scalar(10.0), true);
    Tensor y = Torch.requires_grad_(Tensor.scalar(20.0), true);
    Tensor z = Torch.mul(x, y);
    assertEquals("#1 MulBackward0 [] <- #2, #3\n#2 AccumulateGrad [] leaf\n#3 AccumulateGrad [] leaf\n",
        Tape.describe(z));
    Tensor a = leaf2(2, 3, 1, 2, 3, 4, 5, 6);
    Tensor s = Torch.sum(Torch.mul(a, Tensor.ones(3)));
    assertEquals("#1 SumBackward0 [] <- #2\n#2 MulBackward0 [2, 3] <- #3, const [3]\n#3 AccumulateGrad [2, 3] leaf\n",
        Tape.describe(s));
    assertEquals("(no recorded operations)", Tape.describe(Tensor.ones(2)));
  }

  @Test void gradDoesNotTouchDotGrad() {
    Tensor x = leaf(1, 2);
    Tensor u = leaf(5);
    Tensor y = Torch.sum(Torch.pow(x, 3.0));
    List<Tensor> g = Autograd.grad(List.of(y), List.of(x), null, true, false, false);
    assertArrayEquals(new float[] {3, 12}, g.get(0).toFloatArray());
    assertNull(x.grad());
    assertEquals("One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True"
        + " if this is the desired behavior.",
        assertThrows(TensorException.class, () -> Autograd.grad(List.of(y), List.of(x, u), null, true, false, false))
            .getMessage());
    assertNull(Autograd.grad(List.of(y), List.of(x, u), null, true, false, true).get(1));
  }

  @Test void gradOfNonLeafInput() {
    Tensor x = leaf(1, 2);
    Tensor h = Torch.mul(x, 2.0);
    Tensor y = Torch.sum(Torch.mul(h, h));
    assertArrayEquals(new float[] {4, 8}, Autograd.grad(List.of(y), List.of(h), null, null, false, false).get(0)
        .toFloatArray());
  }

  @Test void createGraphGivesSecondDerivative() {
    // x=torch.tensor([2.],requires_grad=True); y=x**3; g,=torch.autograd.grad(y.sum(),x,create_graph=True); g.sum().backward(); x.grad -> 12
    Tensor x = leaf(2);
    Tensor y = Torch.pow(x, 3.0);
    Tensor g = Autograd.grad(List.of(Torch.sum(y)), List.of(x), null, null, true, false).get(0);
    assertArrayEquals(new float[] {12}, g.toFloatArray());
    assertTrue(g.requiresGrad());
    Autograd.backward(Torch.sum(g));
    assertArrayEquals(new float[] {12}, x.grad().toFloatArray());
  }

  @Test void backwardWithCreateGraphMakesDifferentiableGrad() {
    Tensor x = leaf(3);
    Autograd.backward(List.of(Torch.sum(Torch.pow(x, 2.0))), null, false, true);
    assertTrue(x.grad().requiresGrad());
    Tensor gg = Autograd.grad(List.of(Torch.sum(x.grad())), List.of(x), null, null, false, false).get(0);
    assertArrayEquals(new float[] {2}, gg.toFloatArray());
  }

  @Test void anomalyModeReportsNaN() {
    Tensor x = leaf(0);
    try (GradMode.Scope s = AnomalyMode.enable(true)) {
      AnomalyMode.setTraceSupplier(() -> "line 3 of script");
      Tensor y = Torch.div(x, x);
      assertEquals("line 3 of script", ((Node) y.gradFn()).creationTrace());
      AutogradException e = assertThrows(AutogradException.class, () -> Autograd.backward(Torch.sum(y)));
      // PyTorch: x/x at 0 under detect_anomaly -> "Function 'DivBackward0' returned nan values in its 1th output."
      // (the 0th output, 1/x, is inf, not nan)
      assertEquals("Function 'DivBackward0' returned nan values in its 1th output.", e.getMessage());
      assertEquals("DivBackward0", e.node().name());
    } finally {
      AnomalyMode.setTraceSupplier(null);
    }
    Tensor z = Torch.div(x, x);
    assertNull(((Node) z.gradFn()).creationTrace());
  }

  @Test void multiOutputSplitFillsMissingGradients() {
    Tensor x = leaf(1, 2, 3, 4, 5);
    List<Tensor> parts = Torch.split(x, 2, 0);
    assertEquals("SplitBackward0", parts.get(0).gradFn().name());
    assertSame(parts.get(0).gradFn(), parts.get(2).gradFn());
    assertEquals(2, parts.get(2).outputNr());
    Autograd.backward(Torch.sum(Torch.mul(parts.get(1), 2.0)));
    assertArrayEquals(new float[] {0, 0, 2, 2, 0}, x.grad().toFloatArray());
  }

  @Test void gradShapeMismatchOnRoot() {
    Tensor y = Torch.mul(leaf(1, 2), 2.0);
    assertEquals("Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape of"
        + " torch.Size([2]).",
        assertThrows(TensorException.class, () -> Autograd.backward(y, Tensor.ones(3))).getMessage());
  }

  @Test void firstGradIsACopy() {
    Tensor x = leaf(1, 2), y = leaf(3, 4);
    Tensor g = Tensor.of(new float[] {1, 1}, 2);
    Autograd.backward(Torch.add(x, y), g);
    Torch.zero_(x.grad());
    assertArrayEquals(new float[] {1, 1}, y.grad().toFloatArray());
    assertArrayEquals(new float[] {1, 1}, g.toFloatArray());
    assertTrue(Arrays.equals(new float[] {0, 0}, x.grad().toFloatArray()));
  }

  @Test void gradientsReachingLeavesAreNotAliased() {
    // AddBackward0 hands one gradient to both inputs; the leaves must not share it
    Tensor x = leaf(1, 2), y = leaf(3, 4);
    Autograd.backward(Torch.sum(Torch.mul(Torch.add(x, y), 2.0)));
    assertTrue(x.grad().storage() != y.grad().storage());
    // a sum's expanded (stride 0) gradient never becomes a .grad as is
    Tensor z = leaf(1, 2, 3);
    Autograd.backward(Torch.sum(z));
    assertTrue(z.grad().isContiguous());
    Autograd.backward(Torch.sum(z));
    assertArrayEquals(new float[] {2, 2, 2}, z.grad().toFloatArray());
    // a fresh gradient with one holder is stored without a copy: accumulation then works in place
    Tensor w = leaf(1, 2);
    Autograd.backward(Torch.sum(Torch.mul(w, w)));
    Tensor first = w.grad();
    Autograd.backward(Torch.sum(Torch.mul(w, w)));
    assertSame(first, w.grad());
    assertArrayEquals(new float[] {4, 8}, first.toFloatArray());
  }

  @Test void opsFromOtherPackagesRecordThroughTorchRecord() {
    // a "cube" op defined outside Torch: forward raw, backward with Torch ops
    Tensor x = leaf(1, 2);
    Tensor raw = org.tdsl.tensor.Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.POW, x, Tensor.wrap(3.0));
    Tensor y = Torch.record("CubeBackward", new Tensor[] {x}, raw, new Tensor[] {x},
        c -> new Tensor[] {Torch.mul(c.grad(), Torch.mul(Torch.mul(c.saved(0), c.saved(0)), 3.0))});
    assertEquals("CubeBackward", y.gradFn().name());
    assertTrue(Torch.isRecording(x));
    Autograd.backward(Torch.sum(y));
    assertArrayEquals(new float[] {3, 12}, x.grad().toFloatArray());
  }
}
