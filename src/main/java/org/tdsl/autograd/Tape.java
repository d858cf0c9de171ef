package org.tdsl.autograd;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.tensor.Tensor;

/**
 * The text {@code tape(t)} prints: the recorded operations that lead to t, one per line, in the
 * exact order backward visits them (the engine's own order: dependency counts, then latest
 * sequence number first, AccumulateGrad as soon as it is ready). Each line is
 *
 * <pre>
 *   #k Name [output shape] &lt;- input, input, ...
 * </pre>
 *
 * where k numbers the lines, and each input is {@code #j} (the line of the node its gradient
 * flows to) or {@code const [shape]} for an input that needs no gradient. AccumulateGrad lines
 * end with {@code leaf} instead of inputs. For {@code z = x * y} with x, y leaves:
 *
 * <pre>
 *   #1 MulBackward0 [] &lt;- #2, #3
 *   #2 AccumulateGrad [] leaf
 *   #3 AccumulateGrad [] leaf
 * </pre>
 *
 * A tensor with nothing recorded gives one line: {@code (no recorded operations)}.
 */
public final class Tape {
  private Tape() {}

  public static String describe(Tensor t) {
    List<Node> order = visitOrder(t);
    if (order.isEmpty()) return "(no recorded operations)";
    Map<Node, Integer> number = new IdentityHashMap<>();
    for (Node n : order) number.put(n, number.size() + 1);
    StringBuilder sb = new StringBuilder();
    for (Node n : order) {
      sb.append('#').append(number.get(n)).append(' ').append(n.name()).append(' ');
      for (int k = 0; k < n.numOutputs(); k++) sb.append(k > 0 ? " " : "").append(Node.shapeText(n.outputShapes[k]));
      if (n instanceof AccumulateGrad) {
        sb.append(" leaf");
      } else {
        sb.append(" <-");
        for (int i = 0; i < n.next.length; i++) {
          Edge e = n.next[i];
          sb.append(i > 0 ? ", " : " ");
          if (e.node() == null) sb.append("const ").append(Node.shapeText(n.inputShapes()[i]));
          else sb.append('#').append(number.get(e.node()));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The nodes backward(t) would run, in its order (a leaf requiring grad gives its AccumulateGrad). */
  public static List<Node> visitOrder(Tensor t) {
    if (!t.requiresGrad()) return new ArrayList<>();
    return Engine.order(List.of(Torch.edgeOf(t).node()));
  }
}
