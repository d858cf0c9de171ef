package org.tdsl.interp.pylib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tdsl.interp.Builtin;
import org.tdsl.syntax.CmpOp;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyList;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/**
 * collections.deque: appends and pops at both ends; with maxlen, the oldest items fall off
 * the other end (a window of the last n losses, a replay buffer).
 */
final class Deque {
  private final ArrayDeque<Object> items = new ArrayDeque<>();
  private final Long maxlen;

  Deque(List<Object> initial, Long maxlen) {
    if (maxlen != null && maxlen < 0) throw new TdslError("maxlen must be non-negative");
    this.maxlen = maxlen;
    for (Object x : initial) append(x, true);
  }

  private void append(Object x, boolean right) {
    if (maxlen != null && maxlen == 0) return;
    if (maxlen != null && items.size() == maxlen) {
      if (right) items.pollFirst();
      else items.pollLast();
    }
    if (right) items.addLast(x);
    else items.addFirst(x);
  }

  private Object pop(boolean right) {
    if (items.isEmpty()) throw new TdslError("pop from an empty deque");
    return right ? items.pollLast() : items.pollFirst();
  }

  private int index(Object i) {
    long k = Values.toIndex(i);
    if (k < 0) k += items.size();
    if (k < 0 || k >= items.size()) throw new TdslError("deque index out of range");
    return (int) k;
  }

  private static Builtin m(String sig, String help, org.tdsl.interp.BuiltinFn fn) {
    return ArgumentParser.method(sig, help, fn);
  }

  static final Protocol<Deque> PROTOCOL = new Protocol<>() {
    private static final List<String> NAMES = List.of("append", "appendleft", "pop", "popleft", "extend", "extendleft",
        "clear", "rotate", "count", "maxlen");

    @Override public String typeName(Deque d) { return "collections.deque"; }

    @Override public List<String> attributeNames(Deque d) { return NAMES; }

    @Override public Object getAttr(Deque d, String name, Interpreter ip) {
      return switch (name) {
        case "maxlen" -> d.maxlen;
        case "append" -> m("append(x)", "Adds x on the right.", a -> {
          d.append(a.get("x"), true);
          return null;
        });
        case "appendleft" -> m("appendleft(x)", "Adds x on the left.", a -> {
          d.append(a.get("x"), false);
          return null;
        });
        case "pop" -> m("pop()", "Removes and returns the rightmost item.", a -> d.pop(true));
        case "popleft" -> m("popleft()", "Removes and returns the leftmost item.", a -> d.pop(false));
        case "extend" -> m("extend(iterable)", "Appends each item on the right.", a -> {
          for (Object x : Values.toList(a.get("iterable"), a.interpreter())) d.append(x, true);
          return null;
        });
        case "extendleft" -> m("extendleft(iterable)", "Appends each item on the left (so they end up reversed).", a -> {
          for (Object x : Values.toList(a.get("iterable"), a.interpreter())) d.append(x, false);
          return null;
        });
        case "clear" -> m("clear()", "Removes every item.", a -> {
          d.items.clear();
          return null;
        });
        case "rotate" -> m("rotate(n=1)", "Rotates n steps to the right (left when negative).", a -> {
          int size = d.items.size();
          if (size == 0) return null;
          long n = Math.floorMod(a.getLong("n"), size);
          for (long i = 0; i < n; i++) d.items.addFirst(d.items.pollLast());
          return null;
        });
        case "count" -> m("count(x)", "How many items equal x.", a -> {
          long n = 0;
          for (Object x : d.items) if (Values.equal(x, a.get("x"))) n++;
          return n;
        });
        default -> UNSUPPORTED;
      };
    }

    @Override public Object getItem(Deque d, Object index) {
      return new ArrayList<>(d.items).get(d.index(index));
    }

    @Override public boolean setItem(Deque d, Object index, Object value) {
      List<Object> all = new ArrayList<>(d.items);
      all.set(d.index(index), value);
      d.items.clear();
      d.items.addAll(all);
      return true;
    }

    @Override public long len(Deque d) { return d.items.size(); }

    @Override public Iterator<Object> iterate(Deque d) { return new ArrayList<>(d.items).iterator(); }

    @Override public Boolean truthy(Deque d) { return !d.items.isEmpty(); }

    @Override public Object compare(Deque d, CmpOp op, Object other) {
      if (!(other instanceof Deque o)) return op.symbol.equals("==") ? Boolean.FALSE : op.symbol.equals("!=") ? Boolean.TRUE : UNSUPPORTED;
      boolean eq = Values.equal(new PyList(new ArrayList<>(d.items)), new PyList(new ArrayList<>(o.items)));
      return switch (op.symbol) {
        case "==" -> eq;
        case "!=" -> !eq;
        default -> UNSUPPORTED;
      };
    }

    @Override public String repr(Deque d) {
      String body = Values.repr(new PyList(new ArrayList<>(d.items)));
      return "deque(" + body + (d.maxlen == null ? "" : ", maxlen=" + d.maxlen) + ")";
    }
  };
}
