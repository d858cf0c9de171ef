package org.tdsl.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tdsl.tensor.Tensor;

/** The reference transcript of LANGUAGE.md, driven from Java. */
class SeedTranscriptTest {
  @Test void scalarProduct() {
    Tensor x = Torch.requires_grad_(Tensor.scalar(10.0), true);
    Tensor y = Torch.requires_grad_(Tensor.scalar(20.0), true);
    Tensor z = Torch.mul(x, y);
    assertEquals(200.0, z.itemDouble());
    assertEquals("MulBackward0", z.gradFn().name());
    assertTrue(z.requiresGrad());
    Autograd.backward(z, Tensor.scalar(2.0));
    assertEquals(40.0, x.grad().itemDouble());
    assertEquals(20.0, y.grad().itemDouble());
  }

  @Test void matmul() {
    Tensor a = Torch.tensor(new double[][] {{100, 200}, {300, 400}}, null, true);
    Tensor b = Torch.tensor(new double[][] {{8, 7}, {6, 5}}, null, true);
    Tensor c = Torch.mul(Torch.eye(2, 2), 3L);
    Tensor d = Torch.matmul(a, b);
    Autograd.backward(d, Tensor.of(new float[] {10, 20, 30, 40}, 2, 2));
    assertEquals("MmBackward0", d.gradFn().name());
    assertArrayEquals(new float[] {2000, 1700, 4800, 4100}, d.toFloatArray());
    assertArrayEquals(new float[] {220, 160, 520, 380}, a.grad().toFloatArray());
    assertArrayEquals(new float[] {10000, 14000, 14000, 20000}, b.grad().toFloatArray());
    assertNull(c.grad());
  }
}
