package org.tdsl.interp.pylib;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tdsl.syntax.BinOp;
import org.tdsl.interp.Builtin;
import org.tdsl.syntax.CmpOp;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.PyList;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/**
 * collections' dicts: Counter, defaultdict, OrderedDict. Each holds a plain dict and answers
 * d[k], d[k] = v, len, in, iteration and every dict method through it; what differs is a
 * missing key (Counter: 0, defaultdict: default_factory() stored, OrderedDict: KeyError),
 * a few methods of their own, and how they print.
 */
final class DictKind {
  enum Kind { COUNTER, DEFAULTDICT, ORDEREDDICT }

  final Kind kind;
  final PyDict dict = new PyDict();
  /** Who calls a defaultdict's factory when a key is missing. */
  final Interpreter ip;
  Object factory;

  DictKind(Kind kind, Interpreter ip) {
    this.kind = kind;
    this.ip = ip;
  }

  private DictKind copy() {
    DictKind c = new DictKind(kind, ip);
    c.factory = factory;
    for (Object k : dict.keys()) c.dict.put(k, dict.get(k));
    return c;
  }

  /** Counter's update: counts of an iterable, or a mapping's values added. */
  void count(Object source, Interpreter ip, long sign) {
    if (source == null) return;
    if (source instanceof PyDict || source instanceof DictKind) {
      PyDict d = source instanceof DictKind k ? k.dict : (PyDict) source;
      for (Object k : d.keys()) dict.put(k, ip.binary(sign > 0 ? BinOp.ADD : BinOp.SUB, dict.containsKey(k) ? dict.get(k) : 0L, d.get(k)));
      return;
    }
    Iterator<Object> it = Values.iterate(source, ip);
    while (it.hasNext()) {
      Object k = it.next();
      dict.put(k, ip.binary(sign > 0 ? BinOp.ADD : BinOp.SUB, dict.containsKey(k) ? dict.get(k) : 0L, 1L));
    }
  }

  /** The items, most common first (ties in insertion order, as Python's sort is stable). */
  List<Object> mostCommon() {
    List<Object> keys = dict.keys();
    List<Object> sorted = new ArrayList<>(keys);
    sorted.sort((x, y) -> Values.compare(dict.get(y), dict.get(x)));
    List<Object> out = new ArrayList<>();
    for (Object k : sorted) out.add(PyTuple.of(k, dict.get(k)));
    return out;
  }

  private static Builtin m(String sig, String help, org.tdsl.interp.BuiltinFn fn) {
    return ArgumentParser.method(sig, help, fn);
  }

  static final Protocol<DictKind> PROTOCOL = new Protocol<>() {
    @Override public String typeName(DictKind d) {
      return switch (d.kind) {
        case COUNTER -> "Counter";
        case DEFAULTDICT -> "collections.defaultdict";
        case ORDEREDDICT -> "OrderedDict";
      };
    }

    @Override public String className(DictKind d) {
      return switch (d.kind) {
        case COUNTER -> "collections.Counter";
        case DEFAULTDICT -> "collections.defaultdict";
        case ORDEREDDICT -> "collections.OrderedDict";
      };
    }

    @Override public Object getAttr(DictKind d, String name, Interpreter ip) {
      Object own = own(d, name, ip);
      if (own != UNSUPPORTED) return own;
      try {
        return ip.getAttr(d.dict, name);  // keys, values, items, get, pop, setdefault, clear, ...
      } catch (TdslError e) {
        return UNSUPPORTED;
      }
    }

    private Object own(DictKind d, String name, Interpreter ip) {
      if (name.equals("copy")) return m("copy()", "A shallow copy, of the same kind.", a -> d.copy());
      switch (d.kind) {
        case COUNTER -> {
          return switch (name) {
            case "most_common" -> m("most_common(n=None)", "The (item, count) pairs, most common first (the n first).", a -> {
              List<Object> all = d.mostCommon();
              if (a.get("n") != null) all = all.subList(0, (int) Math.max(0, Math.min(all.size(), a.getLong("n"))));
              return new PyList(all);
            });
            case "elements" -> m("elements()", "Each item repeated as many times as its count.", a -> {
              List<Object> out = new ArrayList<>();
              for (Object k : d.dict.keys()) for (long i = 0; i < Values.toIndex(d.dict.get(k)); i++) out.add(k);
              return new org.tdsl.interp.PyIterator("itertools.chain", out.iterator());
            });
            case "update" -> m("update(iterable=None, **kwargs)", "Adds the counts of an iterable or a mapping.", a -> {
              d.count(a.get("iterable"), a.interpreter(), 1);
              d.count(a.get("kwargs"), a.interpreter(), 1);
              return null;
            });
            case "subtract" -> m("subtract(iterable=None, **kwargs)", "Subtracts the counts of an iterable or a mapping.", a -> {
              d.count(a.get("iterable"), a.interpreter(), -1);
              d.count(a.get("kwargs"), a.interpreter(), -1);
              return null;
            });
            case "total" -> m("total()", "The sum of the counts.", a -> {
              Object t = 0L;
              for (Object v : d.dict.values()) t = a.interpreter().binary(BinOp.ADD, t, v);
              return t;
            });
            default -> UNSUPPORTED;
          };
        }
        case DEFAULTDICT -> {
          return name.equals("default_factory") ? d.factory : UNSUPPORTED;
        }
        default -> {
          return switch (name) {
            case "move_to_end" -> m("move_to_end(key, last=True)", "Moves key to the end (or the start).", a -> {
              Object k = a.get("key");
              if (!d.dict.containsKey(k)) throw new TdslError("KeyError: " + Values.repr(k, a.interpreter()));
              Object v = d.dict.remove(k);
              if (a.getBool("last")) {
                d.dict.put(k, v);
              } else {
                List<Object> keys = d.dict.keys();
                List<Object> values = d.dict.values();
                d.dict.clear();
                d.dict.put(k, v);
                for (int i = 0; i < keys.size(); i++) d.dict.put(keys.get(i), values.get(i));
              }
              return null;
            });
            case "popitem" -> m("popitem(last=True)", "Removes and returns the last (or first) (key, value) pair.", a -> {
              if (d.dict.size() == 0) throw new TdslError("KeyError: 'dictionary is empty'");
              Object k = a.getBool("last") ? d.dict.keys().getLast() : d.dict.keys().getFirst();
              return PyTuple.of(k, d.dict.remove(k));
            });
            default -> UNSUPPORTED;
          };
        }
      }
    }

    @Override public List<String> attributeNames(DictKind d) {
      List<String> names = new ArrayList<>(List.of("keys", "values", "items", "get", "pop", "setdefault", "update", "clear", "copy", "popitem"));
      switch (d.kind) {
        case COUNTER -> names.addAll(List.of("most_common", "elements", "subtract", "total"));
        case DEFAULTDICT -> names.add("default_factory");
        case ORDEREDDICT -> names.add("move_to_end");
      }
      return names;
    }

    @Override public Object getItem(DictKind d, Object key) {
      if (d.dict.containsKey(key)) return d.dict.get(key);
      return switch (d.kind) {
        case COUNTER -> 0L;
        case DEFAULTDICT -> {
          if (d.factory == null) throw new TdslError("KeyError: " + Values.repr(key));
          Object v = d.ip.callValue(d.factory, List.of(), java.util.Map.of());
          d.dict.put(key, v);
          yield v;
        }
        default -> throw new TdslError("KeyError: " + Values.repr(key));
      };
    }

    @Override public boolean setItem(DictKind d, Object key, Object value) {
      d.dict.put(key, value);
      return true;
    }

    @Override public long len(DictKind d) { return d.dict.size(); }

    @Override public Iterator<Object> iterate(DictKind d) { return d.dict.keys().iterator(); }

    @Override public Boolean truthy(DictKind d) { return d.dict.size() > 0; }

    @Override public Object compare(DictKind d, CmpOp op, Object other) {
      PyDict o = other instanceof DictKind k ? k.dict : other instanceof PyDict p ? p : null;
      if (o == null) return UNSUPPORTED;
      return switch (op.symbol) {
        case "==" -> Values.equal(d.dict, o);
        case "!=" -> !Values.equal(d.dict, o);
        default -> UNSUPPORTED;
      };
    }

    @Override public Object binary(DictKind d, BinOp op, Object other, boolean reflected) {
      if (d.kind != Kind.COUNTER || !(other instanceof DictKind o) || o.kind != Kind.COUNTER) return UNSUPPORTED;
      if (op != BinOp.ADD && op != BinOp.SUB) return UNSUPPORTED;
      DictKind left = reflected ? o : d;
      DictKind right = reflected ? d : o;
      DictKind out = new DictKind(Kind.COUNTER, d.ip);
      List<Object> keys = new ArrayList<>(left.dict.keys());
      for (Object k : right.dict.keys()) if (!left.dict.containsKey(k)) keys.add(k);
      for (Object k : keys) {
        long a = left.dict.containsKey(k) ? Values.toIndex(left.dict.get(k)) : 0;
        long b = right.dict.containsKey(k) ? Values.toIndex(right.dict.get(k)) : 0;
        long v = op == BinOp.ADD ? a + b : a - b;
        if (v > 0 && (op == BinOp.SUB ? left.dict.containsKey(k) : true)) out.dict.put(k, v);
      }
      return out;
    }

    @Override public String repr(DictKind d) {
      return switch (d.kind) {
        case COUNTER -> {
          if (d.dict.size() == 0) yield "Counter()";
          StringBuilder sb = new StringBuilder("Counter({");
          List<Object> items = d.mostCommon();
          for (int i = 0; i < items.size(); i++) {
            PyTuple t = (PyTuple) items.get(i);
            if (i > 0) sb.append(", ");
            sb.append(Values.repr(t.get(0))).append(": ").append(Values.repr(t.get(1)));
          }
          yield sb.append("})").toString();
        }
        case DEFAULTDICT -> "defaultdict(" + (d.factory == null ? "None" : factoryRepr(d.factory)) + ", " + Values.repr(d.dict) + ")";
        case ORDEREDDICT -> {
          if (d.dict.size() == 0) yield "OrderedDict()";
          List<Object> items = new ArrayList<>();
          for (Object k : d.dict.keys()) items.add(PyTuple.of(k, d.dict.get(k)));
          yield "OrderedDict(" + Values.repr(new PyList(items)) + ")";
        }
      };
    }
  };

  private static String factoryRepr(Object f) {
    if (f instanceof Builtin b && List.of("int", "float", "list", "dict", "set", "str", "tuple", "bool", "frozenset").contains(b.name())) {
      return "<class '" + b.name() + "'>";
    }
    return Values.repr(f);
  }
}
