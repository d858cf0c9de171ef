package org.tdsl.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdsl.tensor.Tensor;

/** Gradients where finite differences cannot decide (ties, selections), against PyTorch 1.13. */
class TiesAndSelectionGradTest {
  static Tensor leaf(float[] v, int... shape) { return Torch.requires_grad_(Tensor.of(v, shape), true); }

  @Test void maxOfAllSharesTheGradientAmongTies() {
    // m=torch.tensor([1.,3,3],requires_grad=True); m.max().backward(); m.grad -> [0.0, 0.5, 0.5]
    Tensor m = leaf(new float[] {1, 3, 3}, 3);
    Autograd.backward(Torch.max(m));
    assertEquals(List.of(0.0, 0.5, 0.5), m.grad().tolist());
  }

  @Test void maximumSplitsTiesInHalf() {
    // p=torch.tensor([1.,3,3],requires_grad=True); torch.maximum(p, torch.tensor([2.,3,1])).sum().backward() -> [0.0, 0.5, 1.0]
    Tensor p = leaf(new float[] {1, 3, 3}, 3);
    Autograd.backward(Torch.sum(Torch.maximum(p, Tensor.of(new float[] {2, 3, 1}, 3))));
    assertEquals(List.of(0.0, 0.5, 1.0), p.grad().tolist());
  }

  @Test void topkRoutesToTheChosenPositions() {
    // q=torch.tensor([[4.,1],[3,2]],requires_grad=True); (q.topk(1,1)[0]*2).sum().backward() -> [[2.0, 0.0], [2.0, 0.0]]
    Tensor q = leaf(new float[] {4, 1, 3, 2}, 2, 2);
    Autograd.backward(Torch.sum(Torch.mul(Torch.topk(q, 1, 1, true)[0], 2.0)));
    assertEquals(List.of(List.of(2.0, 0.0), List.of(2.0, 0.0)), q.grad().tolist());
  }

  @Test void reluAbsAndClampAtTheirKinks() {
    // x=torch.tensor([-1.,0,2],requires_grad=True); (x.relu()+x.abs()+x.clamp(0,2)).sum().backward() -> [-1.0, 1.0, 3.0]
    Tensor x = leaf(new float[] {-1, 0, 2}, 3);
    Autograd.backward(Torch.sum(Torch.add(Torch.add(Torch.relu(x), Torch.abs(x)), Torch.clamp(x, 0.0, 2.0))));
    assertEquals(List.of(-1.0, 1.0, 3.0), x.grad().tolist());
  }
}
