package org.tdsl.nn;

import java.util.function.BinaryOperator;
import org.tdsl.tensor.Tensor;

/**
 * A loss module ({@code nn.MSELoss()}, {@code nn.CrossEntropyLoss(label_smoothing=0.1)}): it
 * holds its arguments and calls the functional form on {@code (input, target)}. PyTorch prints
 * every loss with empty parentheses, whatever its arguments, and so does this. Its tensor
 * arguments ({@code weight}, {@code pos_weight}) are buffers, in state_dict as PyTorch's.
 */
public final class Loss extends Module {
  private final String name;
  private final BinaryOperator<Tensor> function;

  public Loss(String name, BinaryOperator<Tensor> function) { this(name, function, java.util.Map.of()); }

  /** {@code buffers}: the tensor arguments by name, in PyTorch's registration order (absent ones null). */
  public Loss(String name, BinaryOperator<Tensor> function, java.util.Map<String, Tensor> buffers) {
    this.name = name;
    this.function = function;
    buffers.forEach(this::registerBuffer);
  }

  public Tensor forward(Tensor input, Tensor target) { return function.apply(input, target); }

  @Override
  public Tensor forward(Tensor input) {
    throw new IllegalArgumentException("forward() missing 1 required positional argument: 'target'");
  }

  @Override
  public String typeName() { return name; }
}
