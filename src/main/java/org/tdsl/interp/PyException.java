package org.tdsl.interp;

import java.util.List;

/**
 * An exception as a value: what `raise` throws and `except ... as e` binds. text, when not
 * null, is its str() (an error tdsl raised itself carries its message there); otherwise
 * str() follows Python: the one argument's str (repr for KeyError), or the args' repr.
 */
public final class PyException {
  final ExceptionClass type;
  final PyTuple args;
  final String text;
  /** raise ... from cause: the exception this one was raised from (None when absent). */
  Object cause;

  PyException(ExceptionClass type, PyTuple args, String text) {
    this.type = type;
    this.args = args;
    this.text = text;
  }

  public ExceptionClass type() {
    return type;
  }

  String str(Interpreter ip) {
    if (text != null) return text;
    List<Object> items = args.items();
    if (items.isEmpty()) return "";
    if (items.size() == 1) {
      Object only = items.getFirst();
      return type.isSubclassOf(Exceptions.KEY_ERROR) ? Values.repr(only, ip) : Values.str(only, ip);
    }
    return Values.repr(args, ip);
  }

  String repr(Interpreter ip) {
    if (text != null && type.isSubclassOf(Exceptions.KEY_ERROR)) return type.name() + "(" + text + ")";
    if (text != null) return type.name() + "(" + Values.repr(text, ip) + ")";
    List<Object> items = args.items();
    String inner = Values.repr(args, ip);
    if (items.size() == 1) inner = "(" + Values.repr(items.getFirst(), ip) + ")";
    return type.name() + inner;
  }

  /** The message an uncaught raise prints after `error: file:line:col: `: `ValueError: msg`. */
  String message(Interpreter ip) {
    String s = str(ip);
    return s.isEmpty() ? type.name() : type.name() + ": " + s;
  }

  static final Protocol<PyException> PROTOCOL = new Protocol<>() {
    @Override public String typeName(PyException self) { return self.type.name(); }

    @Override public Object getAttr(PyException self, String name, Interpreter interpreter) {
      return switch (name) {
        case "args" -> self.args;
        case "__cause__" -> self.cause;
        case "__class__" -> self.type;
        default -> UNSUPPORTED;
      };
    }

    @Override public List<String> attributeNames(PyException self) { return List.of("args"); }

    @Override public String repr(PyException self) { return self.repr(null); }

    @Override public String str(PyException self) { return self.str(null); }
  };

  static final Protocol<ExceptionClass> CLASS_PROTOCOL = new Protocol<>() {
    @Override public String typeName(ExceptionClass self) { return "type"; }

    @Override public String repr(ExceptionClass self) { return self.toString(); }
  };
}
