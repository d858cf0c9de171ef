package org.tdsl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Tensor;

class DotGraphTest {
  @TempDir Path dir;

  static final String HEADER = """
      digraph {
        graph [size="12,12"]
        node [align=left fontname=monospace fontsize=10 height=0.2 shape=box style=filled]
      """;

  static Tensor leaf(int... shape) {
    Tensor t = Tensor.randn(shape);
    t.setRequiresGrad(true);
    return t;
  }

  @Test
  void mulThenAddReusingX() {
    Tensor x = leaf(2, 3), y = leaf(2, 3);
    Tensor z = Torch.add(Torch.mul(x, y), x);
    // numbered in backward's order: z's AddBackward0, then MulBackward0, then x's and y's leaves
    String expected = HEADER + """
          out [label="tensor\\n[2, 3]" fillcolor=darkolivegreen1]
          n1 [label="AddBackward0\\n[2, 3]" fillcolor=lightgray]
          n2 [label="MulBackward0\\n[2, 3]" fillcolor=lightgray]
          n3 [label="AccumulateGrad\\n[2, 3]" fillcolor=lightblue]
          n4 [label="AccumulateGrad\\n[2, 3]" fillcolor=lightblue]
          n2 -> n1
          n3 -> n1
          n3 -> n2
          n4 -> n2
          n1 -> out
        }
        """;
    assertEquals(expected, Viz.toDot(z));
  }

  @Test
  void leafShapesAndConstantsLeftOut() {
    Tensor w = leaf(3), c = Tensor.ones(4, 3);  // c needs no gradient: not drawn
    Tensor s = Torch.sum(Torch.mul(c, w));
    String dot = Viz.toDot(s);
    assertTrue(dot.contains("out [label=\"tensor\\n[]\""), dot);
    assertTrue(dot.contains("n2 [label=\"MulBackward0\\n[4, 3]\""), dot);
    assertTrue(dot.contains("n3 [label=\"AccumulateGrad\\n[3]\" fillcolor=lightblue]"), dot);
    assertEquals(3, dot.split("->", -1).length - 1, "n2->n1, n3->n2, n1->out and nothing for c: " + dot);
  }

  @Test
  void usingAnInputTwiceDrawsTwoEdges() {
    Tensor x = leaf(2);
    String dot = Viz.toDot(Torch.mul(x, x));
    assertEquals(2, dot.split("n2 -> n1", -1).length - 1, dot);
  }

  @Test
  void aTensorWithoutTapeIsItsBoxAlone() {
    assertEquals(HEADER + """
          out [label="tensor\\n[2]\\n(no recorded operations)" fillcolor=darkolivegreen1]
        }
        """, Viz.toDot(Tensor.zeros(2)));
    String leafOnly = Viz.toDot(leaf(5));
    assertTrue(leafOnly.contains("n1 [label=\"AccumulateGrad\\n[5]\" fillcolor=lightblue]\n  n1 -> out\n"), leafOnly);
  }

  @Test
  void saveGraphWritesTheSameText() throws IOException {
    Tensor x = leaf(2, 2);
    Tensor z = Torch.mul(x, x);
    Path p = dir.resolve("graph.dot");
    Viz.saveGraph(z, p);
    assertEquals(Viz.toDot(z), Files.readString(p));
    Path missing = dir.resolve("absent/graph.dot");
    var e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Viz.saveGraph(z, missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }
}
