package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.autograd.AccumulateGrad;
import org.tdsl.autograd.Edge;
import org.tdsl.autograd.Node;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyTuple;

/**
 * A tape node, as {@code t.grad_fn} shows it: {@code .name}, {@code .next_functions} (pairs of
 * node and input index, None for inputs that need no gradient) and, on AccumulateGrad,
 * {@code .variable}, the leaf it feeds. Printed as {@code <MulBackward0 object>}: PyTorch's
 * form without the memory address, so output stays the same from run to run.
 */
final class NodeProtocol implements Protocol<Node> {
  @Override public String typeName(Node self) { return self.name(); }

  @Override public Object getAttr(Node self, String name) {
    switch (name) {
      case "name":
        return self.name();
      case "next_functions": {
        List<Object> pairs = new ArrayList<>();
        for (Edge e : self.nextFunctions()) pairs.add(PyTuple.of(e.node(), (long) e.inputNr()));
        return new PyTuple(pairs);
      }
      case "variable":
        return self instanceof AccumulateGrad a ? a.variable() : UNSUPPORTED;
      default:
        return UNSUPPORTED;
    }
  }

  @Override public List<String> attributeNames(Node self) {
    return self instanceof AccumulateGrad ? List.of("name", "next_functions", "variable") : List.of("name", "next_functions");
  }

  @Override public String repr(Node self) { return "<" + self.name() + " object>"; }
}
