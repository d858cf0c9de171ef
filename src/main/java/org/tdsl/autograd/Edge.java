package org.tdsl.autograd;

/**
 * One of a node's {@code next_functions}: the node that receives the gradient for an input
 * (null when that input does not require grad) and which of that node's outputs the input was.
 */
public record Edge(Node node, int inputNr) {
  @Override public String toString() { return "(" + (node == null ? "None" : node.toString()) + ", " + inputNr + ")"; }
}
