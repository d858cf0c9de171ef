package org.tdsl.interp.pylib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.BuiltinFn;
import org.tdsl.interp.Protocol;

/**
 * One of Python's modules as a value (math, random, os.path, ...): named members, each a
 * Builtin with its signature and one line of help, so that :help, completion and dir() read
 * them as they read the builtins table. A module may also answer a call of itself: {@code time}
 * stays the function {@code time()} tdsl always had while {@code time.time()} works as in Python.
 */
public final class PyModule {
  private final String name;
  private final Map<String, Object> members = new LinkedHashMap<>();
  private final Map<String, String> help = new LinkedHashMap<>();
  private BuiltinFn whenCalled;
  /** Members read from the running interpreter (sys.argv is the program's argv). */
  private final Map<String, java.util.function.Function<org.tdsl.interp.Interpreter, Object>> live = new LinkedHashMap<>();

  public PyModule(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Adds a function member; signature as the builtins table takes it ("sqrt(x)"). */
  public Builtin function(String signature, String help, BuiltinFn impl) {
    Builtin b = new Builtin(signature.substring(0, signature.indexOf('(')), signature, help, impl);
    members.put(b.name(), b);
    this.help.put(b.name(), help);
    return b;
  }

  /** Adds a value member (a constant, a submodule, a class-like callable). */
  public void value(String member, String help, Object value) {
    members.put(member, value);
    this.help.put(member, help);
  }

  /** A member whose value comes from the interpreter reading it. */
  public void live(String member, String help, java.util.function.Function<org.tdsl.interp.Interpreter, Object> value) {
    live.put(member, value);
    members.put(member, null);
    this.help.put(member, help);
  }

  public Object get(String member) {
    return members.get(member);
  }

  public String help(String member) {
    return help.get(member);
  }

  /** Makes the module itself callable (the call is bound to the function member named fn). */
  public void callableAs(String fn) {
    Builtin b = (Builtin) members.get(fn);
    whenCalled = b::call;
  }

  boolean isCallable() {
    return whenCalled != null;
  }

  static final Protocol<PyModule> PROTOCOL = new Protocol<>() {
    @Override public String typeName(PyModule self) { return "module"; }

    @Override public Object getAttr(PyModule self, String member) {
      if (member.equals("__name__")) return self.name;
      return self.members.containsKey(member) ? self.members.get(member) : UNSUPPORTED;
    }

    @Override public Object getAttr(PyModule self, String member, org.tdsl.interp.Interpreter ip) {
      var f = self.live.get(member);
      return f != null ? f.apply(ip) : getAttr(self, member);
    }

    @Override public boolean setAttr(PyModule self, String member, Object value) {
      self.live.remove(member);
      self.members.put(member, value);  // Python lets a program patch a module (random.seed = ...)
      return true;
    }

    @Override public List<String> attributeNames(PyModule self) { return new ArrayList<>(self.members.keySet()); }

    @Override public Object call(PyModule self, Args args) {
      return self.whenCalled == null ? UNSUPPORTED : self.whenCalled.call(args);
    }

    @Override public String repr(PyModule self) { return "<module '" + self.name + "' (built-in)>"; }
  };
}
