package org.tdsl.repl;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Items;
import org.tdsl.interp.TdslError;

/**
 * A side-effect-free path to a value, {@code net[0].weight} or {@code d['lr']}: a name, then
 * attributes and subscripts by literal ints or strings. Completion and {@code :help} read
 * values this way; nothing is called, so pressing Tab never runs the user's code.
 */
record Chain(String name, List<Object> steps) {
  /** An attribute step (a subscript step is a Long or a quoted String). */
  record Attribute(String name) {}

  /** The chain {@code text} spells, or null when it is anything else (a call, an operator). */
  static Chain parse(String text) {
    String s = text.strip();
    int i = identifierEnd(s, 0);
    if (i == 0) return null;
    String name = s.substring(0, i);
    List<Object> steps = new ArrayList<>();
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '.') {
        int end = identifierEnd(s, i + 1);
        if (end == i + 1) return null;
        steps.add(new Attribute(s.substring(i + 1, end)));
        i = end;
      } else if (c == '[') {
        int close = s.indexOf(']', i);
        if (close < 0) return null;
        Object index = literal(s.substring(i + 1, close).strip());
        if (index == null) return null;
        steps.add(index);
        i = close + 1;
      } else {
        return null;
      }
    }
    return new Chain(name, steps);
  }

  /** The value, or a TdslError in the interpreter's words (name 'x' is not defined, ...). */
  Object evaluate(Interpreter interpreter) {
    Object value = interpreter.host().resolve(name);
    for (Object step : steps) {
      value = step instanceof Attribute a ? interpreter.getAttr(value, a.name()) : Items.getItem(value, step, interpreter);
    }
    return value;
  }

  /** The value, or null when the chain does not lead to one. */
  static Object valueOf(String text, Interpreter interpreter) {
    Chain chain = parse(text);
    if (chain == null) return null;
    try {
      return chain.evaluate(interpreter);
    } catch (TdslError | IndexOutOfBoundsException | IllegalArgumentException e) {
      return null;
    }
  }

  private static int identifierEnd(String s, int from) {
    if (from >= s.length() || !Character.isJavaIdentifierStart(s.charAt(from))) return from;
    int i = from + 1;
    while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) i++;
    return i;
  }

  /** {@code 0}, {@code -1}, {@code 'lr'}, {@code "lr"}; null for anything else. */
  private static Object literal(String text) {
    if (text.matches("-?\\d{1,18}")) return Long.parseLong(text);
    if (text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')
        && text.charAt(text.length() - 1) == text.charAt(0) && text.indexOf('\\') < 0) {
      return text.substring(1, text.length() - 1);
    }
    return null;
  }
}
