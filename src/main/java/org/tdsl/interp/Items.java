package org.tdsl.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's subscript rules on the interpreter's own containers (list, tuple, str, dict,
 * range): x[i], x[a:b:c] and x[i] = v, with Python's error words; other values go to their
 * Protocol.
 */
public final class Items {
  private Items() {}

  /** object[index] with Python's rules; index is a Long, Slice, Ellipsis, null, PyTuple or foreign value. */
  public static Object getItem(Object object, Object index, Interpreter ip) {
    return switch (object) {
      case PyList l -> index instanceof Slice s ? new PyList(slice(l.items, s)) : l.items.get(position(index, l.size(), "list", ip));
      case PyTuple t -> index instanceof Slice s ? new PyTuple(slice(t.items(), s)) : t.get(position(index, t.size(), "tuple", ip));
      case String str -> {
        List<Object> chars = Values.toList(str, null);
        if (index instanceof Slice s) {
          StringBuilder sb = new StringBuilder();
          for (Object c : slice(chars, s)) sb.append((String) c);
          yield sb.toString();
        }
        yield chars.get(position(index, chars.size(), "string", ip));
      }
      case PyDict d -> {
        if (!d.containsKey(index)) throw new TdslError("KeyError: " + Values.repr(index, ip));
        yield d.get(index);
      }
      case PyRange r -> {
        if (index instanceof Slice s) {
          long[] ix = s.indices(r.length());
          yield new PyRange(r.get(ix[0]), r.get(ix[0]) + ix[3] * r.step() * ix[2], r.step() * ix[2]);
        }
        yield r.get(position(index, r.length(), "range object", ip));
      }
      case null, default -> {
        Protocol<Object> p = Values.isForeign(object) ? ip.builtins().protocolFor(object) : null;
        Object r = p == null ? Protocol.UNSUPPORTED : p.getItem(object, index);
        if (r == Protocol.UNSUPPORTED) {
          throw new TdslError("'" + Values.typeName(object, ip) + "' object is not subscriptable");
        }
        yield r;
      }
    };
  }

  /** object[index] = value with Python's rules (slice assignment on lists included). */
  public static void setItem(Object object, Object index, Object value, Interpreter ip) {
    switch (object) {
      case PyList l -> {
        if (index instanceof Slice s) {
          long[] ix = s.indices(l.size());
          List<Object> values = Values.toList(value, ip);
          if (ix[2] == 1) {
            int stop = (int) Math.max(ix[0], ix[1]);
            l.items.subList((int) ix[0], stop).clear();
            l.items.addAll((int) ix[0], values);
          } else {
            if (values.size() != ix[3]) {
              throw new TdslError("attempt to assign sequence of size " + values.size() + " to extended slice of size " + ix[3]);
            }
            for (int k = 0; k < ix[3]; k++) l.items.set((int) (ix[0] + k * ix[2]), values.get(k));
          }
        } else {
          l.items.set(position(index, l.size(), "list assignment", ip), value);
        }
      }
      case PyDict d -> d.put(index, value);
      case null, default -> {
        Protocol<Object> p = Values.isForeign(object) ? ip.builtins().protocolFor(object) : null;
        if (p == null || !p.setItem(object, index, value)) {
          throw new TdslError("'" + Values.typeName(object, ip) + "' object does not support item assignment");
        }
      }
    }
  }

  private static int position(Object index, int size, String type, Interpreter ip) {
    return (int) position(index, (long) size, type, ip);
  }

  /** A Python index into a sequence of size items (a range's may pass an int's range). */
  private static long position(Object index, long size, String type, Interpreter ip) {
    if (!(index instanceof Long || index instanceof Boolean)) {
      String what = type.equals("string") ? "string indices must be integers, not '" + Values.typeName(index, ip) + "'"
          : type + " indices must be integers or slices, not " + Values.typeName(index, ip);
      throw new TdslError(what);
    }
    long i = Values.toIndex(index);
    if (i < 0) i += size;
    if (i < 0 || i >= size) throw new TdslError(type + " index out of range");
    return i;
  }

  private static List<Object> slice(List<Object> items, Slice s) {
    long[] ix = s.indices(items.size());
    List<Object> out = new ArrayList<>();
    for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) out.add(items.get((int) i));
    return out;
  }

  /** del object[index]: list items and slices, dict keys; Python's errors otherwise. */
  static void delItem(Object object, Object index, Interpreter ip) {
    switch (object) {
      case PyList l -> {
        if (index instanceof Slice s) {
          long[] ix = s.indices(l.size());
          List<Integer> doomed = new ArrayList<>();
          for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) doomed.add((int) i);
          doomed.sort(java.util.Comparator.reverseOrder());
          for (int i : doomed) l.items.remove(i);
        } else {
          l.items.remove(position(index, l.size(), "list assignment", ip));
        }
      }
      case PyDict d -> {
        if (!d.containsKey(index)) throw new TdslError("KeyError: " + Values.repr(index, ip));
        d.remove(index);
      }
      case null, default -> throw new TdslError("'" + Values.typeName(object, ip) + "' object doesn't support item deletion");
    }
  }
}
