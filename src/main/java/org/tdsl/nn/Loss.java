package org.tdsl.nn;

import java.util.function.BinaryOperator;
import org.tdsl.tensor.Tensor;

/**
 * A loss module ({@code nn.MSELoss()}, {@code nn.CrossEntropyLoss(label_smoothing=0.1)}): it
 * holds its arguments and calls the functional form on {@code (input, target)}. PyTorch prints
 * every loss with empty parentheses, whatever its arguments, and so does this.
 */
public final class Loss extends Module {
  private final String name;
  private final BinaryOperator<Tensor> function;

  public Loss(String name, BinaryOperator<Tensor> function) {
    this.name = name;
    this.function = function;
  }

  public Tensor forward(Tensor input, Tensor target) { return function.apply(input, target); }

  @Override
  public Tensor forward(Tensor input) {
    throw new IllegalArgumentException("forward() missing 1 required positional argument: 'target'");
  }

  @Override
  public String typeName() { return name; }
}
