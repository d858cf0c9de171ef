package org.tdsl.syntax;

/** Where a piece of source sits: file name, 1-based line and column, and its length in chars. */
public record Pos(String file, int line, int col, int length) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + col;
  }
}
