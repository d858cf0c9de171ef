package org.tdsl.interp;

import java.util.ArrayList;
import java.util.List;

/** A mutable list; items are interpreter values. Identity equality in Java (lists are unhashable). */
public final class PyList {
  public final List<Object> items;

  public PyList() {
    this.items = new ArrayList<>();
  }

  public PyList(List<?> items) {
    this.items = new ArrayList<>(items);
  }

  public int size() {
    return items.size();
  }

  @Override
  public String toString() {
    return Values.repr(this);
  }
}
