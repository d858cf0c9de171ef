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
    return child(Integer.toString(i));
  }
}
