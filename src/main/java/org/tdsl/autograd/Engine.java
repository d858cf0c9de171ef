package org.tdsl.autograd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.tdsl.tensor.Tensor;

/**
 * PyTorch's engine in one thread: count each node's dependencies (edges reaching it from the
 * graph below the roots), then run a ready queue ordered by sequence number (latest first;
 * AccumulateGrad first of all). Gradients arriving at a node are added in its input buffer,
 * never assigned.
 */
final class Engine {
  private Engine() {}

  /** A ready queue entry; ties (several AccumulateGrad) keep arrival order. */
  private record Ready(Node node, State state, long arrival) {}

  private static PriorityQueue<Ready> queue() {
    return new PriorityQueue<>((a, b) -> a.node.sequenceNr != b.node.sequenceNr
        ? Long.compare(b.node.sequenceNr, a.node.sequenceNr) : Long.compare(a.arrival, b.arrival));
  }

  static Map<Node, Integer> dependencies(List<Node> roots) {
    Map<Node, Integer> deps = new IdentityHashMap<>();
    ArrayDeque<Node> stack = new ArrayDeque<>();
    Map<Node, Boolean> seen = new IdentityHashMap<>();
    for (Node r : roots) if (r != null && seen.put(r, true) == null) stack.push(r);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      for (Edge e : n.next) {
        if (e.node() == null) continue;
        deps.merge(e.node(), 1, Integer::sum);
        if (seen.put(e.node(), true) == null) stack.push(e.node());
      }
    }
    return deps;
  }

  /** The order in which backward from these roots visits the nodes (no gradients computed). */
  static List<Node> order(List<Node> roots) {
    Map<Node, Integer> deps = dependencies(roots);
    PriorityQueue<Ready> ready = queue();
    long arrival = 0;
    Map<Node, Boolean> queued = new IdentityHashMap<>();
    for (Node r : roots) {
      if (r != null && deps.getOrDefault(r, 0) == 0 && queued.put(r, true) == null) ready.add(new Ready(r, null, arrival++));
    }
    List<Node> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      Node n = ready.poll().node;
      out.add(n);
      for (Edge e : n.next) {
        if (e.node() == null) continue;
        int left = deps.merge(e.node(), -1, Integer::sum);
        if (left == 0) ready.add(new Ready(e.node(), null, arrival++));
      }
    }
    return out;
  }

  /** What one backward pass knows of a node: edges still to arrive, its input buffer, whether queued. */
  private static final class State {
    final States owner;
    int deps;
    Tensor[] buffer;
    boolean queued;

    State(States owner) { this.owner = owner; }
  }

  private static final VarHandle SLOT;
  static {
    try {
      SLOT = MethodHandles.lookup().findVarHandle(Node.class, "engineState", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The states of one pass over every node reachable from the roots, with the number of edges
   * reaching each. A state lives in a slot on its node, so the pass never hashes (on a small
   * graph, map lookups were a third of backward). A node whose slot another thread's pass holds
   * at the moment sends this pass to a map of its own; the slots are emptied when it ends.
   */
  private static final class States {
    private final List<Node> claimed = new ArrayList<>();
    private Map<Node, State> map;

    static States of(List<Node> roots) {
      States s = new States();
      if (!s.walk(roots)) {
        s.release();
        s.map = new IdentityHashMap<>();
        s.walk(roots);
      }
      return s;
    }

    State get(Node n) {
      if (map != null) return map.get(n);
      return n.engineState instanceof State st && st.owner == this ? st : null;
    }

    /** A fresh state for n, or null when another pass holds n's slot. */
    private State add(Node n) {
      State st = new State(this);
      if (map != null) {
        map.put(n, st);
        return st;
      }
      if (!SLOT.compareAndSet(n, null, st)) return null;
      claimed.add(n);
      return st;
    }

    private boolean walk(List<Node> roots) {
      ArrayDeque<Node> stack = new ArrayDeque<>();
      for (Node r : roots) {
        if (r == null || get(r) != null) continue;
        if (add(r) == null) return false;
        stack.push(r);
      }
      while (!stack.isEmpty()) {
        for (Edge e : stack.pop().next) {
          Node n = e.node();
          if (n == null) continue;
          State st = get(n);
          if (st == null) {
            if ((st = add(n)) == null) return false;
            stack.push(n);
          }
          st.deps++;
        }
      }
      return true;
    }

    void release() {
      for (Node n : claimed) SLOT.setRelease(n, null);
      claimed.clear();
    }
  }

  /**
   * Runs backward from root edges with their gradients. With captures (autograd.grad) the
   * gradients reaching those edges are returned and no leaf's .grad is touched; only nodes on a
   * path to a capture run.
   */
  static Tensor[] run(List<Edge> roots, List<Tensor> rootGrads, List<Boolean> rootOwned, boolean keepGraph,
                      boolean createGraph, List<Edge> captures) {
    List<Node> rootNodes = new ArrayList<>(roots.size());
    for (Edge e : roots) rootNodes.add(e.node());
    Map<Node, Boolean> needed = captures == null ? null : neededNodes(rootNodes, captures);
    Tensor[] captured = captures == null ? null : new Tensor[captures.size()];
    Holders holders = new Holders();
    States states = States.of(rootNodes);

    try (GradMode.Scope mode = GradMode.scope(createGraph)) {
      for (int i = 0; i < roots.size(); i++) {
        if (!rootOwned.get(i)) holders.hold(rootGrads.get(i)); // the caller keeps it: never store it as a .grad
        addTo(states.get(roots.get(i).node()), roots.get(i), rootGrads.get(i), holders);
      }
      PriorityQueue<Ready> ready = queue();
      long arrival = 0;
      for (Node r : rootNodes) {
        State st = states.get(r);
        if (st.deps == 0 && !st.queued) {
          st.queued = true;
          ready.add(new Ready(r, st, arrival++));
        }
      }
      while (!ready.isEmpty()) {
        Ready entry = ready.poll();
        Node node = entry.node;
        Tensor[] grads = entry.state.buffer;
        entry.state.buffer = null;
        if (grads == null) grads = new Tensor[node.numOutputs()];
        if (captures != null) {
          for (int i = 0; i < captures.size(); i++) {
            Edge c = captures.get(i);
            if (c.node() == node && grads[c.inputNr()] != null) captured[i] = grads[c.inputNr()];
          }
        }
        boolean run = needed == null || (needed.containsKey(node) && !(node instanceof AccumulateGrad));
        boolean any = false;
        for (Tensor g : grads) any |= g != null;
        Tensor[] out = null;
        if (run && any) {
          for (int k = 0; k < grads.length; k++) {
            for (Tensor t : node.retainedFor(k)) if (grads[k] != null) storeRetained(t, grads[k], createGraph);
          }
          out = execute(node, grads, createGraph, holders);
          if (!keepGraph) node.release();
        }
        for (Tensor g : grads) if (g != null) holders.release(g);
        for (int i = 0; i < node.next.length; i++) {
          Edge e = node.next[i];
          if (e.node() == null) continue;
          State next = states.get(e.node());
          if (out != null && i < out.length && out[i] != null) addTo(next, e, out[i], holders);
          if (--next.deps == 0) {
            next.queued = true;
            ready.add(new Ready(e.node(), next, arrival++));
          }
        }
      }
    } finally {
      states.release();
    }
    return captured;
  }

  private static Tensor[] execute(Node node, Tensor[] grads, boolean createGraph, Holders holders) {
    if (node instanceof AccumulateGrad acc) {
      acc.accumulate(grads[0], createGraph, holders.soleHolder(grads[0]) && grads[0].isContiguous());
      return new Tensor[0];
    }
    for (int k = 0; k < grads.length; k++) {
      if (grads[k] == null) grads[k] = Tensor.zeros(node.outputShapes[k]);
    }
    Tensor[] out = node.apply(grads);
    for (int i = 0; i < out.length && i < node.next.length; i++) {
      if (out[i] == null || node.next[i].node() == null) continue;
      int[] expected = node.inputShapes()[i];
      if (!Arrays.equals(out[i].shape(), expected)) {
        throw new AutogradException("Function " + node.name() + " returned an invalid gradient at index " + i
            + " - got " + Arrays.toString(out[i].shape()) + " but expected shape compatible with "
            + Arrays.toString(expected), node);
      }
      if (AnomalyMode.isEnabled() && hasNaN(out[i])) {
        throw new AutogradException("Function '" + node.name() + "' returned nan values in its " + i + "th output.",
            node);
      }
    }
    return out;
  }

  private static boolean hasNaN(Tensor t) {
    for (float v : t.toFloatArray()) if (Float.isNaN(v)) return true;
    return false;
  }

  private static void storeRetained(Tensor t, Tensor g, boolean createGraph) {
    if (t.grad() == null) t.setGrad(createGraph ? g : g.detach().clone());
    else t.setGrad(Torch.add(t.grad(), g));
  }

  private static void addTo(State st, Edge e, Tensor g, Holders holders) {
    if (st.buffer == null) st.buffer = new Tensor[e.node().numOutputs()];
    Tensor[] buf = st.buffer;
    Tensor old = buf[e.inputNr()];
    if (old == null) {
      buf[e.inputNr()] = g;
      holders.hold(g);
    } else {
      Tensor sum = Torch.add(old, g);
      holders.release(old);
      holders.hold(sum);
      buf[e.inputNr()] = sum;
    }
  }

  /**
   * How many places hold each gradient storage (input buffers, the caller's own gradients).
   * A gradient reaching AccumulateGrad that nothing else holds becomes the leaf's .grad as is,
   * so the tape copies nothing; one shared (a pass-through like AddBackward0 handed it to two
   * inputs, or the caller gave it) is copied first, so a later in-place change of one .grad
   * cannot show through another.
   */
  private static final class Holders {
    private final Map<org.tdsl.tensor.Storage, int[]> count = new IdentityHashMap<>(8);

    void hold(Tensor t) { count.computeIfAbsent(t.storage(), s -> new int[1])[0]++; }

    void release(Tensor t) {
      int[] c = count.get(t.storage());
      if (c != null && --c[0] <= 0) count.remove(t.storage());
    }

    boolean soleHolder(Tensor t) {
      int[] c = count.get(t.storage());
      return c != null && c[0] == 1;
    }
  }

  /** Nodes from which some capture edge can be reached (they must run for autograd.grad). */
  private static Map<Node, Boolean> neededNodes(List<Node> roots, List<Edge> captures) {
    Map<Node, Boolean> targets = new IdentityHashMap<>();
    for (Edge c : captures) if (c.node() != null) targets.put(c.node(), true);
    Map<Node, Boolean> memo = new IdentityHashMap<>();
    for (Node r : roots) if (r != null) needed(r, targets, memo);
    Map<Node, Boolean> out = new IdentityHashMap<>();
    memo.forEach((n, v) -> { if (v) out.put(n, true); });
    return out;
  }

  private static boolean needed(Node root, Map<Node, Boolean> targets, Map<Node, Boolean> memo) {
    // iterative post-order to survive deep graphs
    ArrayDeque<Node> stack = new ArrayDeque<>();
    stack.push(root);
    Map<Node, Boolean> expanded = new HashMap<>();
    while (!stack.isEmpty()) {
      Node n = stack.peek();
      if (memo.containsKey(n)) { stack.pop(); continue; }
      if (expanded.put(n, true) == null) {
        for (Edge e : n.next) if (e.node() != null && !memo.containsKey(e.node())) stack.push(e.node());
        continue;
      }
      stack.pop();
      boolean need = targets.containsKey(n);
      for (Edge e : n.next) if (e.node() != null && Boolean.TRUE.equals(memo.get(e.node()))) need = true;
      memo.put(n, need);
    }
    return memo.get(root);
  }
}
