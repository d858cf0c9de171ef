package org.tdsl.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Tensor;

/** Tensors and autograd from Java alone, and the same objects handed to a session. */
class TensorsTest {
  @Test
  void gradientsOfALinearLayerByHand() {
    // y = relu(W x + b), loss = sum(y^2); W = [[1, -2], [3, 4]], x = [1, 2], b = [0.5, -20]
    Tensor w = Tensors.parameter(new float[] {1, -2, 3, 4}, 2, 2);
    Tensor b = Tensors.parameter(new float[] {0.5f, -20}, 2);
    Tensor x = Tensors.of(new float[] {1, 2}, 2, 1);
    Tensor pre = Torch.add(Torch.view(Torch.matmul(w, x), 2), b);  // [-2.5, -9]; Tensor.view would not record
    Tensor y = Torch.relu(Torch.add(pre, 3.0));            // [0.5, 0]
    Tensor loss = Torch.sum(Torch.mul(y, y));               // 0.25
    Tensors.backward(loss);
    assertEquals(0.25, loss.itemDouble(), 1e-6);
    // dloss/dy = 2y = [1, 0]; dloss/dW = [1, 0]^T x^T; dloss/db = [1, 0]
    assertArrayEquals(new float[] {1, 2, 0, 0}, Tensors.grad(w));
    assertArrayEquals(new float[] {1, 0}, Tensors.grad(b));
    assertNull(Tensors.grad(x), "x does not require grad");
  }

  @Test
  void gradientsAccumulateAndNoGradRecordsNothing() {
    Tensor w = Tensors.parameter(new float[] {2}, 1);
    Tensors.backward(Torch.sum(Torch.mul(w, w)));
    Tensors.backward(Torch.sum(Torch.mul(w, 3.0)));
    assertArrayEquals(new float[] {7}, Tensors.grad(w));
    try (var off = Tensors.noGrad()) {
      assertNull(Torch.mul(w, w).gradFn());
    }
  }

  @Test
  void integerTensorsAndArraysRoundTrip() {
    Tensor ids = Tensors.of(new long[] {3, 1, 2}, 3);
    assertEquals("tensor([3, 1, 2])", ids.toString());
    assertArrayEquals(new long[] {1, 2, 3}, Tensors.toLongs(Torch.sub(ids, Tensors.of(new long[] {2, -1, -1}, 3))));
    assertArrayEquals(new float[] {3, 1, 2}, Tensors.toFloats(ids));
  }

  @Test
  void theSameTensorsCrossIntoASession() {
    Tensor w = Tensors.parameter(new float[] {1, 2, 3}, 3);
    Session s = Session.builder().output(new StringWriter()).build();
    s.set("w", w);
    s.eval("loss = (w ** 2).sum()\nloss.backward()");
    assertArrayEquals(new float[] {2, 4, 6}, Tensors.grad(w));
    Tensor loss = s.get("loss", Tensor.class);
    assertEquals("tensor(14., grad_fn=<SumBackward0>)", loss.toString());
  }
}
