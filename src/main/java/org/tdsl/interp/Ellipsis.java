package org.tdsl.interp;

/** The `...` value, as an index item. */
public enum Ellipsis {
  INSTANCE;

  @Override
  public String toString() {
    return "Ellipsis";
  }
}
