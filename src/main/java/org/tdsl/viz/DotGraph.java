package org.tdsl.viz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.autograd.AccumulateGrad;
import org.tdsl.autograd.Edge;
import org.tdsl.autograd.Node;
import org.tdsl.autograd.Tape;
import org.tdsl.io.AtomicFiles;
import org.tdsl.tensor.Tensor;

/**
 * {@code save_graph}: the tape that leads to a tensor as a Graphviz {@code digraph}, drawn as
 * torchviz's {@code make_dot} draws it. One box per backward node, labelled with its name and
 * output shape; an AccumulateGrad box (light blue) stands for a leaf and shows the leaf's
 * shape; a green box is the tensor itself. Edges point the way the forward pass went, from the
 * node of an input to the node of the operation that used it, and from the last node to the
 * tensor (gradients flow against the arrows). Inputs that need no gradient are not drawn.
 * Nodes are numbered {@code n1, n2, ...} in the order backward visits them (as {@code tape(t)}
 * numbers its lines), so the text is the same from run to run.
 */
final class DotGraph {
  private DotGraph() {}

  static void save(Tensor t, Path path) throws IOException {
    byte[] text = toDot(t).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(path, out -> out.write(text));
  }

  static String toDot(Tensor t) {
    List<Node> order = Tape.visitOrder(t);
    Map<Node, String> id = new IdentityHashMap<>();
    for (Node n : order) id.put(n, "n" + (id.size() + 1));
    StringBuilder sb = new StringBuilder("digraph {\n");
    sb.append("  graph [size=\"12,12\"]\n");
    sb.append("  node [align=left fontname=monospace fontsize=10 height=0.2 shape=box style=filled]\n");
    String tensorLabel = "tensor\\n" + shape(t.shape()) + (order.isEmpty() ? "\\n(no recorded operations)" : "");
    sb.append("  out [label=\"").append(tensorLabel).append("\" fillcolor=darkolivegreen1]\n");
    for (Node n : order) {
      sb.append("  ").append(id.get(n)).append(" [label=\"").append(escape(n.name())).append("\\n");
      for (int k = 0; k < n.numOutputs(); k++) sb.append(k > 0 ? " " : "").append(shape(n.outputShape(k)));
      sb.append(n instanceof AccumulateGrad ? "\" fillcolor=lightblue]\n" : "\" fillcolor=lightgray]\n");
    }
    for (Node n : order) {
      for (Edge e : n.nextFunctions()) {
        if (e.node() != null) sb.append("  ").append(id.get(e.node())).append(" -> ").append(id.get(n)).append('\n');
      }
    }
    if (!order.isEmpty()) {
      Node root = t.gradFn() instanceof Node n ? n : order.get(0);
      sb.append("  ").append(id.get(root)).append(" -> out\n");
    }
    return sb.append("}\n").toString();
  }

  private static String shape(int[] s) { return Arrays.toString(s); }

  private static String escape(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }
}
