package org.tdsl.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What counts as printing the same as PyTorch: equal text and integers, floats within the stated slack. */
class OutputComparisonTest {
  private static boolean same(String e, String a) {
    return OutputComparison.lineMatches(e, a, 1e-4, 1e-5);
  }

  @Test
  void floatsMayDifferWithinRelativeToleranceOrTheirLastDigit() {
    assertTrue(same("step 100 loss 0.123456789", "step 100 loss 0.123457"));
    assertTrue(same("loss 0.7098", "loss 0.7099"), "one unit in the last printed digit");
    assertFalse(same("loss 0.7098", "loss 0.7100"));
    assertTrue(same("tensor([ 0.0696, -0.0407])", "tensor([ 0.0696, -0.0408])"));
    assertTrue(same("1.975517e-04", "1.975520e-04"));
    assertFalse(same("1.975517e+02", "1.985517e+02"));
    assertTrue(same("-3.0408e-08", "1.2e-08"), "noise around zero is within atol");
    assertTrue(same("x 0.0000 y", "x -0.0000 y"));
  }

  @Test
  void textAndIntegersMustBeEqual() {
    assertFalse(same("Accuracy: 66/200", "Accuracy: 67/200"));
    assertFalse(same("epoch 1, loss 0.5", "epoch 1: loss 0.5"));
    assertFalse(same("tensor([1., 2.])", "tensor([1., 2., 3.])"));
    assertTrue(same("torch.Size([2, 3])", "torch.Size([2, 3])"));
  }

  @Test
  void theFirstDifferingLineIsNamed() {
    assertNull(OutputComparison.difference("a 1.0\nb\n", "a 1.00001\nb\n", 1e-4, 1e-5));
    assertEquals("line 2 differs:\n  PyTorch: b\n  tdsl:    c", OutputComparison.difference("a\nb\n", "a\nc\n", 1e-4, 1e-5));
    assertEquals("line 2 differs:\n  PyTorch: b\n  tdsl:    <no line>", OutputComparison.difference("a\nb", "a", 1e-4, 1e-5));
  }
}
