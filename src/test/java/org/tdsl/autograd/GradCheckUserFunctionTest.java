package org.tdsl.autograd;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.bind.TdslLibrary;
import org.tdsl.tensor.Tensor;

/** A program's torch.autograd.Function: its hand-written backward, checked against finite differences. */
class GradCheckUserFunctionTest {
  private static final String PROGRAM = """
      import torch
      class Mix(torch.autograd.Function) {
        @staticmethod
        def forward(ctx, a, k, b) {
          ctx.k = k
          ctx.save_for_backward(a, b)
          return a * a * k + a * b.sin()
        }
        @staticmethod
        def backward(ctx, g) {
          a, b = ctx.saved_tensors
          return g * (2 * a * ctx.k + b.sin()), None, g * a * b.cos()
        }
      }
      class Wrong(torch.autograd.Function) {
        @staticmethod
        def forward(ctx, a) {
          ctx.save_for_backward(a)
          return a ** 3
        }
        @staticmethod
        def backward(ctx, g) {
          a, = ctx.saved_tensors
          return g * 2 * a ** 2
        }
      }
      """;

  // fixed inputs: GradCheckOpsTest's shared random stream must not be consumed from here
  private final Interpreter ip = new Interpreter(TdslLibrary.standard(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

  private Object apply(String cls) {
    ip.run(PROGRAM, "fn.tdsl", Path.of("."));
    return ip.runForValue(cls + ".apply", "fn.tdsl", Path.of("."));
  }

  @Test
  void handWrittenBackwardMatchesFiniteDifferences() {
    Object mix = apply("Mix");
    GradCheck.check(in -> (Tensor) ip.callValue(mix, List.of(in[0], 1.5, in[1]), Map.of()),
        Tensor.of(new float[] {0.3f, -1.2f, 0.8f, 1.5f, -0.4f, 2.1f}, 2, 3),
        Tensor.of(new float[] {-0.7f, 0.5f, 1.9f, -1.3f, 0.2f, 0.9f}, 2, 3));
  }

  @Test
  void aWrongBackwardFailsTheCheck() {
    Object wrong = apply("Wrong");
    assertThrows(AssertionFailedError.class,
        () -> GradCheck.check(in -> (Tensor) ip.callValue(wrong, List.of(in[0]), Map.of()), Tensor.of(new float[] {0.6f, -1.1f, 1.4f, 2.0f}, 4)));
  }
}
