package org.tdsl.interp;

import java.util.Iterator;

/** A one-shot lazy iterator value (what enumerate, zip, reversed and iter return). */
public record PyIterator(String kind, Iterator<Object> iterator) {
  @Override
  public String toString() {
    return "<" + kind + " object>";
  }
}
