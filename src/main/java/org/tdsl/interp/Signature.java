package org.tdsl.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.syntax.Stmt.ParamKind;

/** A parameter list, and Python's rules (and words) for binding a call's arguments to it. */
public record Signature(String name, List<Param> params) {
  public record Param(String name, ParamKind kind, boolean hasDefault, Object defaultValue) {}

  /** The parameters that can be passed by keyword, in order. */
  public List<String> keywordNames() {
    List<String> out = new ArrayList<>();
    for (Param p : params) if (p.kind() == ParamKind.NORMAL || p.kind() == ParamKind.KEYWORD_ONLY) out.add(p.name());
    return out;
  }

  /** Parses "name(a, b=1, *args, key=None, **kwargs)"; defaults are literals. */
  public static Signature parse(String text) {
    int open = text.indexOf('(');
    if (open < 0 || !text.endsWith(")")) throw new IllegalArgumentException("bad signature: " + text);
    String name = text.substring(0, open).trim();
    String inside = text.substring(open + 1, text.length() - 1).trim();
    List<Param> params = new ArrayList<>();
    boolean keywordOnly = false;
    if (!inside.isEmpty()) {
      for (String part : splitTopLevel(inside)) {
        part = part.trim();
        if (part.equals("*")) {
          keywordOnly = true;
        } else if (part.startsWith("**")) {
          params.add(new Param(part.substring(2), ParamKind.VAR_KEYWORD, false, null));
        } else if (part.startsWith("*")) {
          keywordOnly = true;
          params.add(new Param(part.substring(1), ParamKind.VAR_POSITIONAL, false, null));
        } else {
          int eq = part.indexOf('=');
          ParamKind kind = keywordOnly ? ParamKind.KEYWORD_ONLY : ParamKind.NORMAL;
          if (eq < 0) params.add(new Param(part, kind, false, null));
          else params.add(new Param(part.substring(0, eq).trim(), kind, true, literal(part.substring(eq + 1).trim())));
        }
      }
    }
    return new Signature(name, params);
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    char quote = 0;
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') i++;
        else if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') quote = c;
      else if (c == '(' || c == '[') depth++;
      else if (c == ')' || c == ']') depth--;
      else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static Object literal(String text) {
    switch (text) {
      case "None": return null;
      case "True": return Boolean.TRUE;
      case "False": return Boolean.FALSE;
      case "()": return new PyTuple(List.of());
      default: break;
    }
    if (text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')) {
      return text.substring(1, text.length() - 1).replace("\\n", "\n").replace("\\t", "\t");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return Double.parseDouble(text);
    }
  }

  /** Binds positional and keyword arguments; one slot per parameter, in order. */
  Object[] bind(List<Object> positional, Map<String, Object> keywords) {
    Object[] values = new Object[params.size()];
    boolean[] set = new boolean[params.size()];
    int slot = 0;
    int varPositional = -1;
    int varKeyword = -1;
    int normalCount = 0;
    int required = 0;
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (p.kind() == ParamKind.VAR_POSITIONAL) varPositional = i;
      if (p.kind() == ParamKind.VAR_KEYWORD) varKeyword = i;
      if (p.kind() == ParamKind.NORMAL) {
        normalCount++;
        if (!p.hasDefault()) required++;
      }
    }
    List<Object> extra = positional.size() > normalCount ? new ArrayList<>() : List.of();
    // NORMAL parameters always come first, so positional arguments fill slots 0..normalCount-1.
    for (Object arg : positional) {
      if (slot < normalCount) {
        values[slot] = arg;
        set[slot] = true;
        slot++;
      } else {
        extra.add(arg);
      }
    }
    if (!extra.isEmpty() && varPositional < 0) {
      String takes = required == normalCount ? String.valueOf(normalCount) : "from " + required + " to " + normalCount;
      int given = positional.size();
      throw new TdslError(name + "() takes " + takes + " positional argument" + (normalCount == 1 && required == normalCount ? "" : "s")
          + " but " + given + (given == 1 ? " was" : " were") + " given");
    }
    if (varPositional >= 0) {
      values[varPositional] = new PyTuple(extra.isEmpty() ? new ArrayList<>() : extra);
      set[varPositional] = true;
    }
    PyDict rest = varKeyword >= 0 ? new PyDict() : null;
    for (Map.Entry<String, Object> kw : keywords.entrySet()) {
      int index = indexOf(kw.getKey());
      if (index < 0) {
        if (rest == null) throw new TdslError(name + "() got an unexpected keyword argument '" + kw.getKey() + "'");
        rest.put(kw.getKey(), kw.getValue());
        continue;
      }
      if (set[index]) throw new TdslError(name + "() got multiple values for argument '" + kw.getKey() + "'");
      values[index] = kw.getValue();
      set[index] = true;
    }
    if (varKeyword >= 0) {
      values[varKeyword] = rest;
      set[varKeyword] = true;
    }
    missing(set, ParamKind.NORMAL, "positional");
    missing(set, ParamKind.KEYWORD_ONLY, "keyword-only");
    for (int i = 0; i < params.size(); i++) {
      if (!set[i]) values[i] = params.get(i).defaultValue();
    }
    return values;
  }

  private int indexOf(String keyword) {
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (p.name().equals(keyword) && (p.kind() == ParamKind.NORMAL || p.kind() == ParamKind.KEYWORD_ONLY)) return i;
    }
    return -1;
  }

  private void missing(boolean[] set, ParamKind kind, String words) {
    boolean any = false;
    for (int i = 0; i < params.size() && !any; i++) {
      Param p = params.get(i);
      any = p.kind() == kind && !set[i] && !p.hasDefault();
    }
    if (!any) return;  // the usual case, without building the error's list
    List<String> names = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (p.kind() == kind && !set[i] && !p.hasDefault()) names.add("'" + p.name() + "'");
    }
    if (names.isEmpty()) return;
    String list = switch (names.size()) {
      case 1 -> names.getFirst();
      case 2 -> names.get(0) + " and " + names.get(1);
      default -> String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.getLast();
    };
    throw new TdslError(name + "() missing " + names.size() + " required " + words + " argument"
        + (names.size() == 1 ? "" : "s") + ": " + list);
  }

  /** Parameter names in order, for Args lookups. */
  Map<String, Integer> indexMap() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) m.put(params.get(i).name(), i);
    return m;
  }
}
