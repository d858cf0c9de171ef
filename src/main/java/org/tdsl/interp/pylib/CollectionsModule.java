package org.tdsl.interp.pylib;

import org.tdsl.interp.Builtins;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.TdslError;

/** Python's collections module: Counter, defaultdict, OrderedDict, deque. */
final class CollectionsModule {
  private CollectionsModule() {}

  static PyModule create(Builtins b) {
    b.registerProtocol(DictKind.class, DictKind.PROTOCOL);
    b.registerProtocol(Deque.class, Deque.PROTOCOL);
    PyModule m = new PyModule("collections");
    m.function("Counter(iterable=None, **kwargs)", "Counts of the items: c[x] (0 when absent), most_common(n), elements(), c1 + c2, c1 - c2.", a -> {
      DictKind c = new DictKind(DictKind.Kind.COUNTER, a.interpreter());
      c.count(a.get("iterable"), a.interpreter(), 1);
      c.count(a.get("kwargs"), a.interpreter(), 1);
      return c;
    });
    m.function("defaultdict(default_factory=None, *args, **kwargs)", "A dict whose missing keys get default_factory() (defaultdict(list), defaultdict(int)).", a -> {
      DictKind d = new DictKind(DictKind.Kind.DEFAULTDICT, a.interpreter());
      Object f = a.get("default_factory");
      if (f != null && !(boolean) a.interpreter().callValue(Py.builtin(a.interpreter(), "callable"), java.util.List.of(f), java.util.Map.of())) {
        throw new TdslError("first argument must be callable or None");
      }
      d.factory = f;
      fill(d, a.varargs("args").items(), (PyDict) a.get("kwargs"), a.interpreter());
      return d;
    });
    m.function("OrderedDict(*args, **kwargs)", "A dict that remembers insertion order, with move_to_end and popitem(last=).", a -> {
      DictKind d = new DictKind(DictKind.Kind.ORDEREDDICT, a.interpreter());
      fill(d, a.varargs("args").items(), (PyDict) a.get("kwargs"), a.interpreter());
      return d;
    });
    m.function("deque(iterable=(), maxlen=None)", "A double-ended queue: append/appendleft, pop/popleft; with maxlen, the oldest items fall off.",
        a -> new Deque(org.tdsl.interp.Values.toList(a.get("iterable"), a.interpreter()), a.get("maxlen") == null ? null : a.getLong("maxlen")));
    return m;
  }

  private static void fill(DictKind d, java.util.List<Object> args, PyDict kwargs, org.tdsl.interp.Interpreter ip) {
    if (args.size() > 1) throw new TdslError("expected at most 1 argument, got " + args.size());
    if (!args.isEmpty()) {
      Object src = args.getFirst();
      PyDict from = src instanceof DictKind k ? k.dict : (PyDict) ip.callValue(Py.builtin(ip, "dict"), java.util.List.of(src), java.util.Map.of());
      for (Object k : from.keys()) d.dict.put(k, from.get(k));
    }
    for (Object k : kwargs.keys()) d.dict.put(k, kwargs.get(k));
  }
}
