package org.tdsl.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON a safetensors header needs: objects (kept in file order), arrays, strings,
 * integers and the literals (also the corpus tests' harness.json files); a key twice in one object is refused. Numbers come back as {@code Long} (or {@code Double} when they
 * have a fraction or exponent). Writing is done by {@link SafeTensors} by hand.
 */
public final class Json {
  private final String text;
  private int pos;

  private Json(String text) { this.text = text; }

  public static Object parse(String text) {
    Json p = new Json(text);
    Object v = p.value();
    p.skipSpace();
    if (p.pos != text.length()) throw p.error("unexpected text after the JSON value");
    return v;
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) throw error("unexpected end of JSON");
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (peek('}')) { pos++; return map; }
    while (true) {
      skipSpace();
      if (!peek('"')) throw error("expected a string key");
      String key = string();
      // the safetensors library refuses a header naming a tensor twice; last-one-wins would load the wrong bytes
      if (map.containsKey(key)) throw error("duplicate key \"" + key + "\"");
      skipSpace();
      expect(':');
      map.put(key, value());
      skipSpace();
      if (peek(',')) { pos++; continue; }
      expect('}');
      return map;
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (peek(']')) { pos++; return list; }
    while (true) {
      list.add(value());
      skipSpace();
      if (peek(',')) { pos++; continue; }
      expect(']');
      return list;
    }
  }

  private String string() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') return sb.toString();
      if (c != '\\') { sb.append(c); continue; }
      if (pos >= text.length()) break;
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) throw error("bad \\u escape");
          sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> throw error("bad escape \\" + e);
      }
    }
    throw error("unterminated string");
  }

  private Object number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
    String s = text.substring(start, pos);
    if (s.isEmpty()) throw error("unexpected character '" + text.charAt(start) + "'");
    try {
      if (s.contains(".") || s.contains("e") || s.contains("E")) return Double.parseDouble(s);
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw error("bad number " + s);
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) throw error("unexpected character '" + text.charAt(pos) + "'");
    pos += word.length();
    return value;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }

  private boolean peek(char c) { return pos < text.length() && text.charAt(pos) == c; }

  private void expect(char c) {
    if (!peek(c)) throw error("expected '" + c + "'");
    pos++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at offset " + pos);
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.append('"').toString();
  }
}
