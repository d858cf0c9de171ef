package org.tdsl.interp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Python's exception classes and the bridge between them and tdsl's errors: a TdslError that
 * tdsl raised itself (an index out of range, a shape mismatch) is caught by `except` as the
 * class Python or PyTorch would raise for it, with its message as str(e).
 */
final class Exceptions {
  private Exceptions() {}

  private static final Map<String, ExceptionClass> CLASSES = new LinkedHashMap<>();

  static final ExceptionClass BASE = add("BaseException", null);
  static final ExceptionClass SYSTEM_EXIT = add("SystemExit", BASE);
  static final ExceptionClass KEYBOARD_INTERRUPT = add("KeyboardInterrupt", BASE);
  static final ExceptionClass GENERATOR_EXIT = add("GeneratorExit", BASE);
  static final ExceptionClass EXCEPTION = add("Exception", BASE);
  static final ExceptionClass STOP_ITERATION = add("StopIteration", EXCEPTION);
  static final ExceptionClass ARITHMETIC = add("ArithmeticError", EXCEPTION);
  static final ExceptionClass ZERO_DIVISION = add("ZeroDivisionError", ARITHMETIC);
  static final ExceptionClass OVERFLOW = add("OverflowError", ARITHMETIC);
  static final ExceptionClass ASSERTION = add("AssertionError", EXCEPTION);
  static final ExceptionClass ATTRIBUTE = add("AttributeError", EXCEPTION);
  static final ExceptionClass IMPORT = add("ImportError", EXCEPTION);
  static final ExceptionClass MODULE_NOT_FOUND = add("ModuleNotFoundError", IMPORT);
  static final ExceptionClass LOOKUP = add("LookupError", EXCEPTION);
  static final ExceptionClass INDEX = add("IndexError", LOOKUP);
  static final ExceptionClass KEY_ERROR = add("KeyError", LOOKUP);
  static final ExceptionClass MEMORY = add("MemoryError", EXCEPTION);
  static final ExceptionClass NAME = add("NameError", EXCEPTION);
  static final ExceptionClass UNBOUND_LOCAL = add("UnboundLocalError", NAME);
  static final ExceptionClass OS = add("OSError", EXCEPTION);
  static final ExceptionClass FILE_NOT_FOUND = add("FileNotFoundError", OS);
  static final ExceptionClass RUNTIME = add("RuntimeError", EXCEPTION);
  static final ExceptionClass NOT_IMPLEMENTED = add("NotImplementedError", RUNTIME);
  static final ExceptionClass RECURSION = add("RecursionError", RUNTIME);
  static final ExceptionClass SYNTAX = add("SyntaxError", EXCEPTION);
  static final ExceptionClass TYPE = add("TypeError", EXCEPTION);
  static final ExceptionClass VALUE = add("ValueError", EXCEPTION);
  static final ExceptionClass UNICODE = add("UnicodeError", VALUE);
  static final ExceptionClass WARNING = add("Warning", EXCEPTION);
  static final ExceptionClass USER_WARNING = add("UserWarning", WARNING);
  static final ExceptionClass DEPRECATION_WARNING = add("DeprecationWarning", WARNING);

  private static ExceptionClass add(String name, ExceptionClass parent) {
    ExceptionClass c = new ExceptionClass(name, parent);
    CLASSES.put(name, c);
    return c;
  }

  /** Binds every class as a builtin name. */
  static void install(Builtins b) {
    for (ExceptionClass c : CLASSES.values()) {
      b.registerValue(c.name(), "Python's " + c.name() + (c.parent() == null ? "" : " (a " + c.parent().name() + ")")
          + ": raise it, or catch it with except.", c);
    }
    b.registerProtocol(PyException.class, PyException.PROTOCOL);
    b.registerProtocol(ExceptionClass.class, PyException.CLASS_PROTOCOL);
  }

  /** Messages that already start with their class, as Python prints them: "KeyError: 'b'". */
  private static final Pattern NAMED = Pattern.compile("^([A-Z][A-Za-z]*(Error|Exception|Interrupt|Iteration|Exit|Warning)):? ?(.*)$", Pattern.DOTALL);

  /** The exception value `except ... as e` binds for an error (made once, then kept on it). */
  static PyException of(TdslError e) {
    if (e.exception() instanceof PyException p) return p;
    // str(e) is Python's message: the "Did you mean" hint is for the printed error only.
    String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("\\. Did you mean: .*$", "");
    var m = NAMED.matcher(message);
    PyException p;
    if (m.matches() && CLASSES.containsKey(m.group(1))) {
      p = new PyException(CLASSES.get(m.group(1)), new PyTuple(List.of(m.group(3))), m.group(3));
    } else {
      p = new PyException(classify(message), new PyTuple(List.of(message)), message);
    }
    e.exception(p);
    return p;
  }

  /** The class Python (or PyTorch) raises for one of tdsl's own messages. */
  static ExceptionClass classify(String message) {
    if (message.contains("division by zero") || message.contains("modulo by zero")
        || message.contains("by zero")) return ZERO_DIVISION;
    if (message.contains("index out of range") || message.startsWith("index ") && message.contains("out of bounds")) return INDEX;
    if (message.contains("is not defined")) return message.contains("local variable") ? UNBOUND_LOCAL : NAME;
    if (message.contains("has no attribute") || message.contains("attribute '") && message.contains("read-only")) return ATTRIBUTE;
    if (message.startsWith("maximum recursion depth")) return RECURSION;
    if (message.startsWith("integer overflow")) return OVERFLOW;
    if (message.startsWith("No module named")) return MODULE_NOT_FOUND;
    if (message.startsWith("cannot import name")) return IMPORT;
    if (message.contains("No such file") || message.contains("no such file")) return FILE_NOT_FOUND;
    if (message.startsWith("DefaultCPUAllocator")) return RUNTIME;
    if (message.contains("values to unpack") || message.startsWith("invalid literal")
        || message.startsWith("could not convert") || message.contains("not in list")
        || message.contains("math domain error") || message.contains("must be non-negative")
        || message.contains("arg is an empty sequence")) return VALUE;
    if (message.contains("unsupported operand") || message.contains("not supported between")
        || message.contains("object is not") || message.contains("must be") || message.contains("argument")
        || message.contains("can only concatenate") || message.contains("unhashable")
        || message.contains("indices must be") || message.contains("can't multiply")
        || message.contains("bad operand type") || message.contains("does not support")
        || message.contains("object cannot be interpreted") || message.contains("takes no")) return TYPE;
    return RUNTIME;
  }

  /**
   * The error a cancelled run stops with (Ctrl-C, a time limit): a KeyboardInterrupt, which
   * `except Exception` does not catch, so a program cannot swallow its own interruption.
   */
  static TdslError interrupt(String message) {
    TdslError e = new TdslError(message);
    e.exception(new PyException(KEYBOARD_INTERRUPT, new PyTuple(List.of()), message));
    return e;
  }

  /** Whether `except handler` catches the exception: handler is a class or a tuple of classes. */
  static boolean matches(PyException e, Object handler, Interpreter ip) {
    if (handler instanceof PyTuple t) {
      for (Object h : t.items()) if (matches(e, h, ip)) return true;
      return false;
    }
    if (handler instanceof ExceptionClass c) return e.type.isSubclassOf(c);
    throw new TdslError("catching classes that do not inherit from BaseException is not allowed");
  }

  /** The error that `raise value` throws: its message is Python's `ValueError: msg`. */
  static TdslError raise(Object value, Interpreter ip) {
    PyException p = switch (value) {
      case ExceptionClass c -> new PyException(c, new PyTuple(List.of()), null);
      case PyException e -> e;
      case null, default -> throw new TdslError("exceptions must derive from BaseException");
    };
    TdslError error = new TdslError(p.message(ip));
    error.exception(p);
    return error;
  }
}
