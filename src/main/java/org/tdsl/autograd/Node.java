package org.tdsl.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.tdsl.tensor.GradFn;
import org.tdsl.tensor.Tensor;

/**
 * One recorded operation: its name (PyTorch 1.13's, digit included), the edges to the
 * nodes of its inputs ({@code next_functions}), the tensors its backward formula needs (saved
 * with their versions), and the formula itself. Nodes are made by {@link Torch}; a later node
 * has a larger sequence number, and backward runs ready nodes latest-first, as PyTorch does.
 */
public class Node implements GradFn {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** The backward formula: gradients of the inputs from the gradients of the outputs. */
  @FunctionalInterface
  public interface Backward {
    /** One entry per input (null where no gradient flows). */
    Tensor[] apply(Context c);
  }

  /** What a backward formula sees: output gradients, saved tensors, which inputs need a gradient. */
  public static final class Context {
    private final Tensor[] grads;
    private final Tensor[] saved;
    private final Node node;

    Context(Tensor[] grads, Tensor[] saved, Node node) { this.grads = grads; this.saved = saved; this.node = node; }

    /** The gradient of output 0. */
    public Tensor grad() { return grads[0]; }
    public Tensor grad(int output) { return grads[output]; }
    public Tensor saved(int i) { return saved[i]; }
    /** Whether input i leads to a node (computing its gradient is not wasted). */
    public boolean needs(int input) { return node.next[input].node() != null; }
  }

  /** Not final: a composite's outermost node takes PyTorch's name for the whole (NamedComposite). */
  private String name;
  final long sequenceNr;
  final Edge[] next;
  private final int[][] inputShapes;
  final int[][] outputShapes;
  private SavedTensor[] saved;
  /** Dropped on release: a formula's closure may hold tensors of its own (nn's ops keep their context). */
  private Backward backward;
  private final String creationTrace;
  private boolean released;
  private List<List<Tensor>> retained;
  /** The engine's bookkeeping while a backward pass runs over this node (see Engine.States). */
  Object engineState;

  Node(String name, Edge[] next, int[][] inputShapes, int[][] outputShapes, Tensor[] saved, Backward backward,
       long sequenceNr) {
    this.name = name;
    this.next = next;
    this.inputShapes = inputShapes;
    this.outputShapes = outputShapes;
    this.saved = new SavedTensor[saved.length];
    for (int i = 0; i < saved.length; i++) this.saved[i] = saved[i] == null ? null : new SavedTensor(saved[i]);
    this.backward = backward;
    this.sequenceNr = sequenceNr;
    this.creationTrace = AnomalyMode.isEnabled() ? AnomalyMode.currentTrace() : null;
  }

  static long nextSequenceNr() { return SEQUENCE.getAndIncrement(); }

  /** The number the next node will get: nodes made from now on have one at least this large. */
  static long peekSequenceNr() { return SEQUENCE.get(); }

  void rename(String newName) { name = newName; }

  @Override public String name() { return name; }

  /** PyTorch's {@code next_functions}: one (node or null, input index) pair per input. */
  public List<Edge> nextFunctions() { return List.of(next); }

  /** Creation order; backward runs ready nodes with the largest first. */
  public long sequenceNr() { return sequenceNr; }

  /** Where the node was recorded, when anomaly mode was on (else null). */
  public String creationTrace() { return creationTrace; }

  public int numOutputs() { return outputShapes.length; }
  public int numInputs() { return next.length; }
  public int[] outputShape(int i) { return outputShapes[i].clone(); }
  /** The shape of input i when recorded. */
  public int[] inputShape(int i) { return inputShapes[i].clone(); }

  /** Whether backward already freed the saved tensors (without retain_graph). */
  public boolean isReleased() { return released; }

  void retainGradOf(Tensor t) {
    if (retained == null) {
      retained = new ArrayList<>();
      for (int i = 0; i < outputShapes.length; i++) retained.add(new ArrayList<>());
    }
    List<Tensor> list = retained.get(t.outputNr());
    for (Tensor r : list) if (r == t) return;
    list.add(t);
  }

  List<Tensor> retainedFor(int output) { return retained == null ? List.of() : retained.get(output); }

  Tensor[] apply(Tensor[] grads) {
    if (released) {
      throw new AutogradException("Trying to backward through the graph a second time (or directly access saved"
          + " tensors after they have already been freed). Saved intermediate values of the graph are freed when you"
          + " call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph"
          + " a second time or if you need to access saved tensors after calling backward.", this);
    }
    Tensor[] s = new Tensor[saved.length];
    for (int i = 0; i < s.length; i++) s[i] = saved[i] == null ? null : saved[i].unpack(this);
    return backward.apply(new Context(grads, s, this));
  }

  void release() {
    if (saved.length > 0) released = true;
    saved = new SavedTensor[0];
    // Only formulas that save nothing may run again after a release (PyTorch allows that too);
    // the others lose their closure, and with it any activations it captured.
    if (released) backward = null;
  }

  @Override public String toString() { return "<" + name + ">"; }

  static int[][] shapesOf(Tensor[] ts) {
    int[][] out = new int[ts.length][];
    for (int i = 0; i < ts.length; i++) out[i] = ts[i] == null ? new int[0] : ts[i].shape();
    return out;
  }

  int[][] inputShapes() { return inputShapes; }

  static String shapeText(int[] s) { return Arrays.toString(s); }
}
