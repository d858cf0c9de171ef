package org.tdsl.interp;

import java.util.ArrayList;
import java.util.List;

/** What dict.keys(), .values() and .items() return: a live view that prints as Python's. */
public record DictView(String kind, PyDict dict) {
  List<Object> items() {
    return switch (kind) {
      case "dict_keys" -> dict.keys();
      case "dict_values" -> dict.values();
      default -> {
        List<Object> out = new ArrayList<>();
        for (Object k : dict.keys()) out.add(PyTuple.of(k, dict.get(k)));
        yield out;
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return kind + "(" + Values.repr(new PyList(items())) + ")";
  }
}
