package org.tdsl.nn;

import java.util.List;
import org.tdsl.tensor.Tensor;

/** Layers applied in order; children are named {@code 0}, {@code 1}, ... as in PyTorch. */
public final class Sequential extends Module {
  private int size;

  public Sequential(Module... layers) { this(List.of(layers)); }

  public Sequential(List<? extends Module> layers) {
    for (Module m : layers) append(m);
  }

  public Sequential append(Module m) {
    registerModule(Integer.toString(size++), m);
    return this;
  }

  /**
   * {@code seq[start:stop:step]} (bounds already resolved to indices, as Python's
   * {@code slice.indices} gives them): a Sequential sharing the layers, which keep their
   * original names as in PyTorch ({@code (2): Conv2d(...)}, state_dict {@code 2.weight}).
   */
  public Sequential slice(int start, int stop, int step) {
    if (step == 0) throw new IllegalArgumentException("slice step cannot be zero");
    Sequential out = new Sequential();
    for (int i = start; step > 0 ? i < stop : i > stop; i += step) {
      out.registerModule(Integer.toString(i), child(Integer.toString(i)));
      out.size++;
    }
    return out;
  }

  @Override
  public Tensor forward(Tensor input) {
    Tensor x = input;
    for (Module m : children()) x = m.forward(x);
    return x;
  }

  /** {@code len(seq)}. */
  public int len() { return size; }

  /** {@code seq[i]}, negative indices counting from the end, with Python's error past either end. */
  public Module get(int index) {
    int i = index < 0 ? index + size : index;
    if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index " + index + " is out of range");
    return children().get(i);
  }
}
