package org.tdsl.nn;

import java.util.List;
import org.tdsl.tensor.Tensor;

/**
 * {@code nn.ModuleList}: layers held in a list so that their parameters count as the owner's;
 * children are named {@code 0}, {@code 1}, ... as in PyTorch. It has no forward of its own.
 */
public final class ModuleList extends Module {
  private int size;

  public ModuleList(List<? extends Module> modules) {
    for (Module m : modules) append(m);
  }

  public ModuleList append(Module m) {
    registerModule(Integer.toString(size++), m);
    return this;
  }

  public int len() { return size; }

  /** {@code list[i]}, negative indices counting from the end. */
  public Module get(int index) {
    int i = index < 0 ? index + size : index;
    if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index " + index + " is out of range");
    return children().get(i);
  }

  /** {@code list[i] = m}: replaces the layer under the same name. */
  public void set(int index, Module m) {
    int i = index < 0 ? index + size : index;
    if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index " + index + " is out of range");
    registerModule(Integer.toString(i), m);
  }

  /** {@code list[start:stop:step]}: a ModuleList of those layers, renumbered from 0 as PyTorch does. */
  public ModuleList slice(int start, int stop, int step) {
    if (step == 0) throw new IllegalArgumentException("slice step cannot be zero");
    ModuleList out = new ModuleList(List.of());
    for (int i = start; step > 0 ? i < stop : i > stop; i += step) out.append(get(i));
    return out;
  }

  @Override
  public Tensor forward(Tensor input) {
    throw new IllegalArgumentException("Module [ModuleList] is missing the required \"forward\" function");
  }
}
