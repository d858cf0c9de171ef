package org.tdsl.interp;

import java.util.List;

/** An immutable tuple; items are interpreter values. */
public record PyTuple(List<Object> items) {
  public PyTuple {
    items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
  }

  public static PyTuple of(Object... items) {
    return new PyTuple(java.util.Arrays.asList(items));
  }

  public int size() {
    return items.size();
  }

  public Object get(int i) {
    return items.get(i);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PyTuple t && Values.equal(this, t);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (Object x : items) h = 31 * h + Values.hash(x);
    return h;
  }

  @Override
  public String toString() {
    return Values.repr(this);
  }
}
