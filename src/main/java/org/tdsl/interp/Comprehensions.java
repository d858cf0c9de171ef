package org.tdsl.interp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.tdsl.syntax.Expr;

/**
 * List, set and dict comprehensions and generator expressions: one lazy iterator walks the
 * `for` clauses as nested loops (their targets bound in a scope of their own), and the four
 * kinds differ only in what collects its items. The first iterable is evaluated at once in
 * the enclosing scope, as in Python; a generator expression yields nothing until asked.
 */
final class Comprehensions {
  private Comprehensions() {}

  static Object evaluate(Expr.Comprehension c, Environment env, Interpreter ip) {
    Expr first = c.clauses().getFirst().iterable();
    Iterator<Object> source = Values.iterate(ip.evaluate(first, env), ip);
    Items items = new Items(c, new Environment(env), source, ip);
    return switch (c.kind()) {
      case GENERATOR -> new PyIterator("generator", items);
      case LIST -> {
        PyList list = new PyList();
        while (items.hasNext()) list.items.add(items.next());
        yield list;
      }
      case SET -> {
        List<Object> members = new ArrayList<>();
        while (items.hasNext()) members.add(items.next());
        yield org.tdsl.interp.pylib.PySet.of(members, false);
      }
      case DICT -> {
        PyDict dict = new PyDict();
        while (items.hasNext()) {
          PyTuple kv = (PyTuple) items.next();
          dict.put(kv.get(0), kv.get(1));
        }
        yield dict;
      }
    };
  }

  /** The comprehension's items in order (a key-value tuple for a dict comprehension). */
  private static final class Items implements Iterator<Object> {
    private static final Object NONE = new Object();
    private final Expr.Comprehension c;
    private final Environment scope;
    private final Interpreter ip;
    /** One iterator per clause entered so far. */
    private final Deque<Iterator<Object>> loops = new ArrayDeque<>();
    private Object pending = NONE;

    Items(Expr.Comprehension c, Environment scope, Iterator<Object> source, Interpreter ip) {
      this.c = c;
      this.scope = scope;
      this.ip = ip;
      loops.push(source);
    }

    @Override
    public boolean hasNext() {
      while (pending == NONE && !loops.isEmpty()) {
        int depth = loops.size() - 1;
        Expr.CompFor clause = c.clauses().get(depth);
        Iterator<Object> it = loops.peek();
        if (!ip.hasNextAt(it, clause.iterable().pos())) {
          loops.pop();
          continue;
        }
        ip.host().checkCancelled();
        ip.assign(clause.target(), it.next(), scope);
        if (!accepted(clause)) continue;
        if (depth + 1 < c.clauses().size()) {
          Expr inner = c.clauses().get(depth + 1).iterable();
          loops.push(Values.iterate(ip.evaluate(inner, scope), ip));
        } else {
          Object element = ip.evaluate(c.element(), scope);
          pending = c.value() == null ? element
              : new PyTuple(java.util.List.of(element, ip.evaluate(c.value(), scope)));
        }
      }
      return pending != NONE;
    }

    private boolean accepted(Expr.CompFor clause) {
      for (Expr condition : clause.conditions()) {
        if (!ip.truthy(ip.evaluate(condition, scope))) return false;
      }
      return true;
    }

    @Override
    public Object next() {
      if (!hasNext()) throw new NoSuchElementException();
      Object v = pending;
      pending = NONE;
      return v;
    }
  }
}
