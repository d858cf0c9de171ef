package org.tdsl.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The methods of str, list, tuple and dict that people use. */
final class Methods {
  private Methods() {}

  private static final Map<Class<?>, MethodTable<Object>> TABLE = Map.of(
      String.class, strMethods(), PyList.class, listMethods(), PyTuple.class, tupleMethods(),
      PyDict.class, dictMethods());

  /** A bound method, or null when the type has no such method. */
  static Object get(Object self, String name) {
    if (self == null) return null;
    MethodTable<Object> methods = TABLE.get(self.getClass());
    Object m = methods == null ? Protocol.UNSUPPORTED : methods.get(self, name);
    return m == Protocol.UNSUPPORTED ? null : m;
  }

  static List<String> names(Object self) {
    MethodTable<Object> methods = self == null ? null : TABLE.get(self.getClass());
    return methods == null ? List.of() : methods.names();
  }

  private static void def(MethodTable<Object> m, String signature, MethodTable.Method<Object> impl) {
    m.method(signature, "", impl);
  }

  private static MethodTable<Object> strMethods() {
    MethodTable<Object> m = new MethodTable<>();
    def(m, "upper()", (s, a) -> ((String) s).toUpperCase());
    def(m, "lower()", (s, a) -> ((String) s).toLowerCase());
    def(m, "strip(chars=None)", (s, a) -> strip((String) s, a.getOptionalString("chars"), true, true));
    def(m, "lstrip(chars=None)", (s, a) -> strip((String) s, a.getOptionalString("chars"), true, false));
    def(m, "rstrip(chars=None)", (s, a) -> strip((String) s, a.getOptionalString("chars"), false, true));
    def(m, "split(sep=None, maxsplit=-1)", (s, a) -> split((String) s, a.getOptionalString("sep"), a.getLong("maxsplit")));
    def(m, "splitlines(keepends=False)", (s, a) -> {
      PyList out = new PyList();
      String str = (String) s;
      boolean keep = a.getBool("keepends");
      int start = 0;
      for (int i = 0; i < str.length(); i++) {
        char c = str.charAt(i);
        if (c != '\n' && c != '\r' && c != '\u000b' && c != '\u000c' && c != '\u001c' && c != '\u001d' && c != '\u001e'
            && c != '\u0085' && c != '\u2028' && c != '\u2029') continue;
        int end = c == '\r' && i + 1 < str.length() && str.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        out.items.add(str.substring(start, keep ? end : i));
        start = end;
        i = end - 1;
      }
      if (start < str.length()) out.items.add(str.substring(start));
      return out;
    });
    def(m, "join(iterable)", (s, a) -> {
      StringBuilder sb = new StringBuilder();
      List<Object> items = Values.toList(a.get("iterable"), a.interpreter());
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof String x)) {
          throw new TdslError("sequence item " + i + ": expected str instance, " + Values.typeName(items.get(i)) + " found");
        }
        if (i > 0) sb.append((String) s);
        sb.append(x);
      }
      return sb.toString();
    });
    def(m, "replace(old, new, count=-1)", (s, a) -> {
      String str = (String) s;
      String old = a.getString("old");
      String rep = a.getString("new");
      long count = a.getLong("count");
      if (count < 0) return str.replace(old, rep);
      StringBuilder sb = new StringBuilder();
      int from = 0;
      for (long n = 0; n < count; n++) {
        int i = str.indexOf(old, from);
        if (i < 0 || (old.isEmpty() && i > str.length())) break;
        sb.append(str, from, i).append(rep);
        from = i + old.length();
        if (old.isEmpty()) {
          if (from < str.length()) sb.append(str.charAt(from));
          from++;
        }
      }
      if (from <= str.length()) sb.append(str.substring(Math.min(from, str.length())));
      return sb.toString();
    });
    def(m, "startswith(prefix, start=None, end=None)", (s, a) -> affix((String) s, a, "prefix", true));
    def(m, "endswith(suffix, start=None, end=None)", (s, a) -> affix((String) s, a, "suffix", false));
    def(m, "find(sub, start=None, end=None)", (s, a) -> find((String) s, a, false));
    def(m, "rfind(sub, start=None, end=None)", (s, a) -> find((String) s, a, true));
    def(m, "index(sub, start=None, end=None)", (s, a) -> {
      long i = find((String) s, a, false);
      if (i < 0) throw new TdslError("substring not found");
      return i;
    });
    def(m, "rindex(sub, start=None, end=None)", (s, a) -> {
      long i = find((String) s, a, true);
      if (i < 0) throw new TdslError("substring not found");
      return i;
    });
    def(m, "rsplit(sep=None, maxsplit=-1)", (s, a) -> rsplit((String) s, a.getOptionalString("sep"), a.getLong("maxsplit")));
    def(m, "partition(sep)", (s, a) -> partition((String) s, a.getString("sep"), false));
    def(m, "rpartition(sep)", (s, a) -> partition((String) s, a.getString("sep"), true));
    def(m, "removeprefix(prefix)", (s, a) -> ((String) s).startsWith(a.getString("prefix")) ? ((String) s).substring(a.getString("prefix").length()) : s);
    def(m, "removesuffix(suffix)", (s, a) -> {
      String str = (String) s;
      String suf = a.getString("suffix");
      return !suf.isEmpty() && str.endsWith(suf) ? str.substring(0, str.length() - suf.length()) : str;
    });
    def(m, "isalnum()", (s, a) -> !((String) s).isEmpty() && ((String) s).chars().allMatch(Character::isLetterOrDigit));
    def(m, "isupper()", (s, a) -> cased((String) s, true));
    def(m, "islower()", (s, a) -> cased((String) s, false));
    def(m, "isnumeric()", (s, a) -> !((String) s).isEmpty() && ((String) s).chars().allMatch(Character::isDigit));
    def(m, "isdecimal()", (s, a) -> !((String) s).isEmpty() && ((String) s).chars().allMatch(Character::isDigit));
    def(m, "swapcase()", (s, a) -> {
      StringBuilder sb = new StringBuilder();
      for (char c : ((String) s).toCharArray()) sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
      return sb.toString();
    });
    def(m, "casefold()", (s, a) -> ((String) s).toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));  // ß -> ss, as casefold
    def(m, "count(sub, start=None, end=None)", (s, a) -> {
      String str = slice((String) s, a);
      String sub = a.getString("sub");
      if (sub.isEmpty()) return (long) str.length() + 1;
      long n = 0;
      for (int i = str.indexOf(sub); i >= 0; i = str.indexOf(sub, i + sub.length())) n++;
      return n;
    });
    def(m, "format(*args, **kwargs)", (s, a) -> StrFormat.format((String) s, a.varargs("args").items(), (PyDict) a.get("kwargs"), a.interpreter()));
    def(m, "isdigit()", (s, a) -> !((String) s).isEmpty() && ((String) s).chars().allMatch(Character::isDigit));
    def(m, "isalpha()", (s, a) -> !((String) s).isEmpty() && ((String) s).chars().allMatch(Character::isLetter));
    def(m, "isspace()", (s, a) -> !((String) s).isEmpty() && ((String) s).chars().allMatch(Character::isWhitespace));
    def(m, "capitalize()", (s, a) -> {
      String str = (String) s;
      return str.isEmpty() ? str : str.substring(0, 1).toUpperCase() + str.substring(1).toLowerCase();
    });
    def(m, "title()", (s, a) -> {
      StringBuilder sb = new StringBuilder();
      boolean prevLetter = false;
      for (char c : ((String) s).toCharArray()) {
        sb.append(prevLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
        prevLetter = Character.isLetter(c);
      }
      return sb.toString();
    });
    def(m, "zfill(width)", (s, a) -> {
      String str = (String) s;
      int w = width(a);
      if (str.length() >= w) return str;
      int sign = !str.isEmpty() && (str.charAt(0) == '-' || str.charAt(0) == '+') ? 1 : 0;
      return str.substring(0, sign) + "0".repeat(w - str.length()) + str.substring(sign);
    });
    def(m, "ljust(width, fillchar=' ')", (s, a) -> pad((String) s, a, 0));
    def(m, "rjust(width, fillchar=' ')", (s, a) -> pad((String) s, a, 1));
    def(m, "center(width, fillchar=' ')", (s, a) -> pad((String) s, a, 2));
    return m;
  }

  /** startswith/endswith: a str or a tuple of them, within s[start:end]. */
  private static boolean affix(String s, Args a, String param, boolean start) {
    String part = slice(s, a);
    Object what = a.get(param);
    List<Object> options = what instanceof PyTuple t ? t.items() : List.of(what);
    for (Object o : options) {
      if (!(o instanceof String x)) {
        throw new TdslError((start ? "startswith" : "endswith") + " first arg must be str or a tuple of str, not " + Values.typeName(o));
      }
      if (start ? part.startsWith(x) : part.endsWith(x)) return true;
    }
    return false;
  }

  /** s[start:end] for the optional start and end of find, count, startswith (Python's slice clamping). */
  private static String slice(String s, Args a) {
    int n = s.length();
    int from = bound(a.get("start"), 0, n);
    int to = bound(a.get("end"), n, n);
    return from >= to ? "" : s.substring(from, to);
  }

  private static int bound(Object v, int dflt, int n) {
    if (v == null) return dflt;
    long i = Values.toIndex(v);
    if (i < 0) i = Math.max(0, i + n);
    return (int) Math.min(i, n);
  }

  private static long find(String s, Args a, boolean last) {
    String sub = a.getString("sub");
    int from = bound(a.get("start"), 0, s.length());
    int to = bound(a.get("end"), s.length(), s.length());
    if (to - from < sub.length()) return -1;
    String part = s.substring(from, to);
    int i = last ? part.lastIndexOf(sub) : part.indexOf(sub);
    return i < 0 ? -1 : i + from;
  }

  private static PyList rsplit(String s, String sep, long maxsplit) {
    if (maxsplit < 0) return split(s, sep, maxsplit);
    PyList out = new PyList();
    if (sep == null) {
      String rest = s.stripTrailing();
      while (!rest.isEmpty()) {
        if (out.size() >= maxsplit) {
          out.items.addFirst(rest);
          return out;
        }
        int i = rest.length();
        while (i > 0 && !Character.isWhitespace(rest.charAt(i - 1))) i--;
        out.items.addFirst(rest.substring(i));
        rest = rest.substring(0, i).stripTrailing();
      }
      return out;
    }
    if (sep.isEmpty()) throw new TdslError("empty separator");
    int end = s.length();
    while (out.size() < maxsplit) {
      int i = s.lastIndexOf(sep, end - sep.length());
      if (i < 0) break;
      out.items.addFirst(s.substring(i + sep.length(), end));
      end = i;
    }
    out.items.addFirst(s.substring(0, end));
    return out;
  }

  private static PyTuple partition(String s, String sep, boolean last) {
    if (sep.isEmpty()) throw new TdslError("empty separator");
    int i = last ? s.lastIndexOf(sep) : s.indexOf(sep);
    if (i < 0) return last ? PyTuple.of("", "", s) : PyTuple.of(s, "", "");
    return PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
  }

  /** isupper/islower: at least one cased character, and none of the other case. */
  private static boolean cased(String s, boolean upper) {
    boolean any = false;
    for (char c : s.toCharArray()) {
      if (Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c)) {
        if (upper ? !Character.isUpperCase(c) : !Character.isLowerCase(c)) return false;
        any = true;
      }
    }
    return any;
  }

  /**
   * A padding width; one past what a Java string holds is refused before any work (a cast
   * would wrap 10**10 to 1410065408 and 2**31 to a negative width).
   */
  private static int width(Args a) {
    long w = a.getLong("width");
    if (w > Integer.MAX_VALUE - 8) throw new TdslError("MemoryError: a string of " + w + " characters does not fit in memory");
    return (int) w;
  }

  private static String pad(String s, Args a, int where) {
    int w = width(a);
    String fill = a.getString("fillchar");
    int n = w - s.length();
    if (n <= 0) return s;
    return switch (where) {
      case 0 -> s + fill.repeat(n);
      case 1 -> fill.repeat(n) + s;
      default -> {
        int left = n / 2 + (n & w & 1);
        yield fill.repeat(left) + s + fill.repeat(n - left);
      }
    };
  }

  private static String strip(String s, String chars, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && (chars == null ? Character.isWhitespace(s.charAt(start)) : chars.indexOf(s.charAt(start)) >= 0)) start++;
    while (right && end > start && (chars == null ? Character.isWhitespace(s.charAt(end - 1)) : chars.indexOf(s.charAt(end - 1)) >= 0)) end--;
    return s.substring(start, end);
  }

  private static PyList split(String s, String sep, long maxsplit) {
    PyList out = new PyList();
    if (sep == null) {
      String rest = s.strip();
      while (!rest.isEmpty()) {
        if (maxsplit >= 0 && out.size() >= maxsplit) {
          out.items.add(rest);
          return out;
        }
        int i = 0;
        while (i < rest.length() && !Character.isWhitespace(rest.charAt(i))) i++;
        out.items.add(rest.substring(0, i));
        rest = rest.substring(i).stripLeading();
      }
      return out;
    }
    if (sep.isEmpty()) throw new TdslError("empty separator");
    int from = 0;
    while (true) {
      int i = s.indexOf(sep, from);
      if (i < 0 || (maxsplit >= 0 && out.size() >= maxsplit)) break;
      out.items.add(s.substring(from, i));
      from = i + sep.length();
    }
    out.items.add(s.substring(from));
    return out;
  }

  private static MethodTable<Object> listMethods() {
    MethodTable<Object> m = new MethodTable<>();
    def(m, "append(object)", (s, a) -> {
      ((PyList) s).items.add(a.get("object"));
      return null;
    });
    def(m, "extend(iterable)", (s, a) -> {
      ((PyList) s).items.addAll(Values.toList(a.get("iterable"), a.interpreter()));
      return null;
    });
    def(m, "pop(index=-1)", (s, a) -> {
      List<Object> items = ((PyList) s).items;
      if (items.isEmpty()) throw new TdslError("pop from empty list");
      long i = a.getLong("index");
      if (i < 0) i += items.size();
      if (i < 0 || i >= items.size()) throw new TdslError("pop index out of range");
      return items.remove((int) i);
    });
    def(m, "insert(index, object)", (s, a) -> {
      List<Object> items = ((PyList) s).items;
      long i = a.getLong("index");
      if (i < 0) i = Math.max(0, i + items.size());
      items.add((int) Math.min(i, items.size()), a.get("object"));
      return null;
    });
    def(m, "remove(value)", (s, a) -> {
      List<Object> items = ((PyList) s).items;
      for (int i = 0; i < items.size(); i++) {
        if (Values.equal(items.get(i), a.get("value"))) {
          items.remove(i);
          return null;
        }
      }
      throw new TdslError("list.remove(x): x not in list");
    });
    def(m, "index(value)", (s, a) -> indexOf(((PyList) s).items, a.get("value"), "list"));
    def(m, "count(value)", (s, a) -> count(((PyList) s).items, a.get("value")));
    def(m, "sort(*, key=None, reverse=False)", (s, a) -> {
      sort(((PyList) s).items, a);
      return null;
    });
    def(m, "reverse()", (s, a) -> {
      Collections.reverse(((PyList) s).items);
      return null;
    });
    def(m, "clear()", (s, a) -> {
      ((PyList) s).items.clear();
      return null;
    });
    def(m, "copy()", (s, a) -> new PyList(((PyList) s).items));
    return m;
  }

  /** Sorts in place with Python's order, key= and a stable reverse=. */
  static void sort(List<Object> items, Args a) {
    Object key = a.get("key");
    boolean reverse = a.getBool("reverse");
    List<Object> keys = new ArrayList<>();
    for (Object x : items) keys.add(key == null ? x : a.call(key, x));
    Integer[] order = new Integer[items.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Comparator<Integer> cmp = (i, j) -> Values.compare(keys.get(i), keys.get(j));
    java.util.Arrays.sort(order, reverse ? cmp.reversed() : cmp);
    List<Object> sorted = new ArrayList<>();
    for (Integer i : order) sorted.add(items.get(i));
    items.clear();
    items.addAll(sorted);
  }

  private static long indexOf(List<Object> items, Object value, String type) {
    for (int i = 0; i < items.size(); i++) if (Values.equal(items.get(i), value)) return i;
    throw new TdslError(type.equals("list") ? Values.repr(value) + " is not in list" : "tuple.index(x): x not in tuple");
  }

  private static long count(List<Object> items, Object value) {
    long n = 0;
    for (Object x : items) if (Values.equal(x, value)) n++;
    return n;
  }

  private static MethodTable<Object> tupleMethods() {
    MethodTable<Object> m = new MethodTable<>();
    def(m, "index(value)", (s, a) -> indexOf(((PyTuple) s).items(), a.get("value"), "tuple"));
    def(m, "count(value)", (s, a) -> count(((PyTuple) s).items(), a.get("value")));
    return m;
  }

  private static MethodTable<Object> dictMethods() {
    MethodTable<Object> m = new MethodTable<>();
    def(m, "keys()", (s, a) -> new DictView("dict_keys", (PyDict) s));
    def(m, "values()", (s, a) -> new DictView("dict_values", (PyDict) s));
    def(m, "items()", (s, a) -> new DictView("dict_items", (PyDict) s));
    def(m, "get(key, default=None)", (s, a) -> {
      PyDict d = (PyDict) s;
      return d.containsKey(a.get("key")) ? d.get(a.get("key")) : a.get("default");
    });
    def(m, "pop(key, *default)", (s, a) -> {
      PyDict d = (PyDict) s;
      Object k = a.get("key");
      if (d.containsKey(k)) return d.remove(k);
      PyTuple def = a.varargs("default");
      if (def.size() > 0) return def.get(0);
      throw new TdslError("KeyError: " + Values.repr(k));
    });
    def(m, "setdefault(key, default=None)", (s, a) -> {
      PyDict d = (PyDict) s;
      if (!d.containsKey(a.get("key"))) d.put(a.get("key"), a.get("default"));
      return d.get(a.get("key"));
    });
    def(m, "update(*other, **kwargs)", (s, a) -> {
      PyDict d = (PyDict) s;
      for (Object o : a.varargs("other").items()) CoreBuiltins.fillDict(d, o, a.interpreter());
      PyDict kw = (PyDict) a.get("kwargs");
      for (Object k : kw.keys()) d.put(k, kw.get(k));
      return null;
    });
    def(m, "popitem()", (s, a) -> {
      PyDict d = (PyDict) s;
      if (d.size() == 0) throw new TdslError("KeyError: 'popitem(): dictionary is empty'");
      Object k = d.keys().getLast();
      return PyTuple.of(k, d.remove(k));
    });
    def(m, "clear()", (s, a) -> {
      ((PyDict) s).clear();
      return null;
    });
    def(m, "copy()", (s, a) -> {
      PyDict d = (PyDict) s;
      PyDict c = new PyDict();
      for (Object k : d.keys()) c.put(k, d.get(k));
      return c;
    });
    return m;
  }
}
