package org.tdsl.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdsl.tensor.Index;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.TensorException;

/** In-place operations with history, against PyTorch 1.13 (expressions in comments). */
class InPlaceTest {
  static Tensor leaf(float... v) { return Torch.requires_grad_(Tensor.of(v, v.length), true); }

  @Test void fillAndZeroRecordTheirNodes() {
    // y=x*2; y.fill_(4) -> FillBackward2; z=x*3; z.zero_() -> ZeroBackward0
    Tensor x = leaf(1, 2, 3);
    Tensor y = Torch.mul(x, 2.0);
    Torch.fill_(y, 4);
    assertEquals("FillBackward2", y.gradFn().name());
    assertArrayEquals(new float[] {4, 4, 4}, y.toFloatArray());
    Tensor z = Torch.mul(x, 3.0);
    Torch.zero_(z);
    assertEquals("ZeroBackward0", z.gradFn().name());
    Autograd.backward(Torch.sum(Torch.add(y, Torch.mul(x, 1.0))));
    assertArrayEquals(new float[] {1, 1, 1}, x.grad().toFloatArray());
  }

  @Test void copyIntoPlainTensorTakesHistory() {
    // s=tensor([5.,6.,7.],requires_grad=True); buf=zeros(3); buf.copy_(s*2); (buf*x).sum().backward()
    // buf.grad_fn -> CopyBackwards; s.grad -> [2., 4., 6.]; x.grad -> [10., 12., 14.]
    Tensor x = leaf(1, 2, 3), s = leaf(5, 6, 7);
    Tensor buf = Tensor.zeros(3);
    Torch.copy_(buf, Torch.mul(s, 2.0));
    assertEquals("CopyBackwards", buf.gradFn().name());
    assertTrue(buf.requiresGrad());
    Autograd.backward(Torch.sum(Torch.mul(buf, x)));
    assertArrayEquals(new float[] {2, 4, 6}, s.grad().toFloatArray());
    assertArrayEquals(new float[] {10, 12, 14}, x.grad().toFloatArray());
  }

  @Test void chainedInPlaceOps() {
    // x=tensor([1.,-2.,3.],requires_grad=True); y=x*1; y.div_(tensor(2.)); y.pow_(2); y.sum().backward() -> [0.5, -1.0, 1.5]
    Tensor x = leaf(1, -2, 3);
    Tensor y = Torch.mul(x, 1.0);
    Torch.div_(y, Tensor.scalar(2.0));
    Torch.pow_(y, 2);
    Autograd.backward(Torch.sum(y));
    assertArrayEquals(new float[] {0.5f, -1f, 1.5f}, x.grad().toFloatArray());
  }

  @Test void optimizerStyleUpdateUnderNoGrad() {
    Tensor w = leaf(1, 2);
    Autograd.backward(Torch.sum(Torch.mul(w, w)));
    try (GradMode.Scope s = GradMode.noGrad()) {
      Torch.sub_(w, w.grad(), 0.25);
    }
    assertArrayEquals(new float[] {0.5f, 1f}, w.toFloatArray());
    assertTrue(w.isLeaf());
    w.setGrad(null);
    Autograd.backward(Torch.sum(Torch.mul(w, w)));
    assertArrayEquals(new float[] {1f, 2f}, w.grad().toFloatArray());
  }

  @Test void setitemOnLeafNeedsNoGrad() {
    Tensor x = leaf(1, 2, 3);
    assertEquals("a leaf Variable that requires grad is being used in an in-place operation.",
        assertThrows(TensorException.class, () -> Torch.setitem(x, List.of(Index.at(0)), 5.0)).getMessage());
    try (GradMode.Scope s = GradMode.noGrad()) {
      Torch.setitem(x, List.of(Index.at(0)), 5.0);
    }
    assertArrayEquals(new float[] {5, 2, 3}, x.toFloatArray());
  }

  @Test void inPlaceOnViewRebasesTheBase() {
    // x=torch.tensor([1.,2.,3.],requires_grad=True); y=x*2; y[1:].mul_(x[1:]); print(y.grad_fn.name()); y.sum().backward()
    // -> CopySlices; x.grad -> [2.0, 8.0, 12.0]; y -> [2., 8., 18.]
    Tensor x = leaf(1, 2, 3);
    Tensor y = Torch.mul(x, 2.0);
    Tensor v = Torch.slice(y, 0, 1, null, 1);
    Torch.mul_(v, Torch.slice(x, 0, 1, null, 1));
    assertEquals("CopySlices", y.gradFn().name());
    assertEquals("MulBackward0", v.gradFn().name());
    assertArrayEquals(new float[] {2, 8, 18}, y.toFloatArray());
    Autograd.backward(Torch.sum(y));
    assertArrayEquals(new float[] {2, 8, 12}, x.grad().toFloatArray());
  }

  @Test void viewOfPlainTensorTakesGradientFromOther() {
    // buf=torch.zeros(2,3); w=torch.tensor([1.,2,3],requires_grad=True); buf[0].add_(w); (buf*buf).sum().backward()
    // -> buf.grad_fn CopySlices; w.grad -> [2., 4., 6.]
    Tensor buf = Tensor.zeros(2, 3);
    Tensor w = leaf(1, 2, 3);
    Torch.add_(Torch.select(buf, 0, 0), w);
    assertEquals("CopySlices", buf.gradFn().name());
    Autograd.backward(Torch.sum(Torch.mul(buf, buf)));
    assertArrayEquals(new float[] {2, 4, 6}, w.grad().toFloatArray());
  }

  @Test void setitemThroughAView() {
    // x=torch.tensor([[1.,2],[3,4]],requires_grad=True); y=x*1; r=y[1]; r[0]=10; (y*y).sum().backward()
    // -> y [[1,2],[10,4]]; x.grad [[2., 4.], [0., 8.]]
    Tensor x = Torch.requires_grad_(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2), true);
    Tensor y = Torch.mul(x, 1.0);
    Tensor r = Torch.select(y, 0, 1);
    Torch.setitem(r, List.of(Index.at(0)), 10.0);
    assertArrayEquals(new float[] {1, 2, 10, 4}, y.toFloatArray());
    Autograd.backward(Torch.sum(Torch.mul(y, y)));
    assertArrayEquals(new float[] {2, 4, 0, 8}, x.grad().toFloatArray());
  }

  @Test void secondOrderThroughInPlaceOnView() {
    Tensor x = leaf(1, 2);
    Tensor y = Torch.mul(x, 1.0);
    Torch.mul_(Torch.select(y, 0, 1), Torch.select(x, 0, 1)); // y = [x0, x1^2]
    Tensor g = Autograd.grad(List.of(Torch.sum(Torch.pow(y, 2.0))), List.of(x), null, null, true, false).get(0);
    // d/dx of x0^2 + x1^4 = [2x0, 4x1^3] = [2, 32]; second: [2, 12x1^2] = [2, 48]
    assertArrayEquals(new float[] {2, 32}, g.toFloatArray());
    Autograd.backward(Torch.sum(g));
    assertArrayEquals(new float[] {2, 48}, x.grad().toFloatArray());
  }

  @Test void secondOrderThroughSetitem() {
    Tensor x = leaf(1, 2);
    Tensor y = Torch.mul(x, x);
    Torch.setitem(y, List.of(Index.at(0)), Torch.mul(Torch.select(x, 0, 1), 3.0)); // y = [3x1, x1^2]
    Tensor g = Autograd.grad(List.of(Torch.sum(Torch.pow(y, 2.0))), List.of(x), null, null, true, false).get(0);
    // 9x1^2 + x1^4: grad [0, 18x1 + 4x1^3] = [0, 68]; second: [0, 18 + 12x1^2] = [0, 66]
    assertArrayEquals(new float[] {0, 68}, g.toFloatArray());
    Autograd.backward(Torch.sum(g));
    assertArrayEquals(new float[] {0, 66}, x.grad().toFloatArray());
  }
}
