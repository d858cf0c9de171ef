package org.tdsl.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What {@code help(x)}, the REPL's {@code :help x} and {@code x?} print about a value: a
 * function's signature and help (for a builtin also its {@code torch.} and tensor-method
 * forms, whose parameters differ: {@code sum(iterable, start=0)} against
 * {@code Tensor.sum(dim=None, keepdim=False, ...)}), a module's members, and for any other
 * value its type (a tensor's shape, dtype, requires_grad) and its repr.
 */
public final class Help {
  /** Lines of a repr shown before the rest is summarised. */
  private static final int MAX_REPR_LINES = 12;

  private Help() {}

  public static String describe(Object value, Interpreter ip) {
    if (value instanceof PyCallable c) return callable(c, ip);
    String type = Values.typeName(value, ip);
    if (type.equals("module") || value instanceof PyClass) return members(value, ip);
    StringBuilder sb = new StringBuilder(header(value, type, ip)).append('\n');
    String[] lines = Values.repr(value, ip).split("\n", -1);
    for (int i = 0; i < Math.min(lines.length, MAX_REPR_LINES); i++) sb.append(lines[i]).append('\n');
    if (lines.length > MAX_REPR_LINES) sb.append("... (").append(lines.length - MAX_REPR_LINES).append(" more lines)\n");
    return sb.toString().stripTrailing();
  }

  /** {@code sum(input, dim=None)} without its first parameter: {@code sum(dim=None)}. */
  public static String withoutFirstParameter(String signature) {
    int open = signature.indexOf('(');
    if (open < 0) return signature;
    int depth = 0;
    for (int i = open + 1; i < signature.length(); i++) {
      char c = signature.charAt(i);
      if (c == '(' || c == '[' || c == '{') depth++;
      else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
      else if (c == ')' && depth == 0) return signature.substring(0, open + 1) + signature.substring(i);
      else if (c == ',' && depth == 0) return signature.substring(0, open + 1) + signature.substring(i + 1).stripLeading();
    }
    return signature;
  }

  private static String callable(PyCallable c, Interpreter ip) {
    List<String[]> entries = new ArrayList<>();
    entries.add(new String[] {c.signature(), c.help()});
    if (c instanceof Builtin b) {
      // the same name as a torch function and as a tensor method, with their own parameters
      Object torch = member("torch", b.name(), ip);
      if (torch instanceof Builtin t && t != b && !t.signature().equals(b.signature())) {
        entries.add(new String[] {"torch." + t.signature(), t.help()});
      }
      if (member("Tensor", b.name(), ip) instanceof Builtin m) {
        entries.add(new String[] {"Tensor." + withoutFirstParameter(m.signature()), m.help()});
      }
    }
    // signatures that share their help (torch.sum and Tensor.sum) are listed together above it
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < entries.size(); i++) {
      String[] e = entries.get(i);
      sb.append(e[0]).append('\n');
      boolean sharedWithNext = i + 1 < entries.size() && entries.get(i + 1)[1].equals(e[1]);
      if (!e[1].isEmpty() && !sharedWithNext) sb.append("  ").append(e[1]).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  /** A builtin namespace's member ({@code torch.sum}, {@code Tensor.sum}), or null. */
  private static Object member(String namespace, String name, Interpreter ip) {
    Object ns = ip.builtins().lookup(namespace, null);
    if (ns == null) return null;
    try {
      return ip.getAttr(ns, name);
    } catch (TdslError e) {
      return null;
    }
  }

  /** {@code torch.nn}: its members, sorted, wrapped at 90 columns. */
  private static String members(Object value, Interpreter ip) {
    StringBuilder sb = new StringBuilder(Values.repr(value, ip)).append('\n');
    StringBuilder line = new StringBuilder(" ");
    for (String n : new TreeSet<>(ip.attributeNames(value))) {
      if (n.startsWith("_")) continue;
      if (line.length() + n.length() + 1 > 90) {
        sb.append(line).append('\n');
        line = new StringBuilder(" ");
      }
      line.append(' ').append(n);
    }
    return sb.append(line).toString().stripTrailing();
  }

  /** {@code Tensor, shape (2, 3), dtype torch.float32, requires_grad=False}; {@code int}. */
  private static String header(Object value, String type, Interpreter ip) {
    List<String> names = ip.attributeNames(value);
    if (!names.containsAll(List.of("shape", "dtype", "requires_grad"))) return type;
    List<String> parts = new ArrayList<>(List.of(type));
    Object shape = ip.getAttr(value, "shape");
    parts.add("shape " + Values.repr(new PyTuple(Values.toList(shape, ip))));
    parts.add("dtype " + Values.str(ip.getAttr(value, "dtype"), ip));
    parts.add("requires_grad=" + Values.repr(ip.getAttr(value, "requires_grad")));
    return String.join(", ", parts);
  }
}
