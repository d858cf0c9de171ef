package org.tdsl.api;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/**
 * A javax.script engine over one {@link Session}. Its ENGINE_SCOPE bindings are the
 * session's global variables, read and written live; other Bindings handed to eval are
 * copied in before the script runs and copied back after, and GLOBAL_SCOPE values fill in
 * names the session does not have. print goes to the context's writer. Errors come out as
 * ScriptExceptions with file, line and column whose cause is the {@link TdslException}.
 * Like its session, an engine runs one call at a time.
 */
public final class TdslScriptEngine extends AbstractScriptEngine implements Invocable {
  private final ScriptEngineFactory factory;
  private final Session session;

  /** An engine over a session the host configured (file roots, limits). */
  public TdslScriptEngine(Session session) {
    this(new TdslScriptEngineFactory(), session);
  }

  TdslScriptEngine(ScriptEngineFactory factory, Session session) {
    this.factory = factory;
    this.session = session;
    context.setBindings(new SessionBindings(session), ScriptContext.ENGINE_SCOPE);
  }

  public Session session() {
    return session;
  }

  @Override
  public Object eval(String script, ScriptContext ctx) throws ScriptException {
    Bindings scope = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
    boolean live = scope instanceof SessionBindings b && b.session == session;
    try {
      if (!live && scope != null) scope.forEach((k, v) -> { if (SessionBindings.isName(k)) session.set(k, v); });
      Bindings global = ctx.getBindings(ScriptContext.GLOBAL_SCOPE);
      if (global != null) {
        global.forEach((k, v) -> { if (SessionBindings.isName(k) && !session.has(k)) session.set(k, v); });
      }
      if (ctx.getWriter() != null) session.setOutput(ctx.getWriter());
      if (ctx.getErrorWriter() != null) session.setErrorOutput(ctx.getErrorWriter());
      Object name = ctx.getAttribute(ScriptEngine.FILENAME);
      return session.eval(script, name == null ? "<eval>" : name.toString());
    } catch (TdslException e) {
      throw scriptException(e);
    } finally {
      if (!live && scope != null) {
        for (String n : session.names()) scope.put(n, session.get(n));
      }
    }
  }

  @Override
  public Object eval(Reader reader, ScriptContext ctx) throws ScriptException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    try {
      for (int n; (n = reader.read(buf)) > 0; ) sb.append(buf, 0, n);
    } catch (IOException e) {
      throw new ScriptException(e);
    }
    return eval(sb.toString(), ctx);
  }

  @Override
  public Bindings createBindings() {
    return new SimpleBindings();
  }

  @Override
  public ScriptEngineFactory getFactory() {
    return factory;
  }

  // ------------------------------------------------------------------ Invocable

  @Override
  public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
    if (!session.has(name)) throw new NoSuchMethodException("tdsl has no function '" + name + "'");
    try {
      return session.call(name, args);
    } catch (TdslException e) {
      throw scriptException(e);
    }
  }

  @Override
  public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
    if (thiz == null) throw new IllegalArgumentException("invokeMethod on null");
    try {
      return session.callMethod(thiz, name, Arrays.asList(args == null ? new Object[0] : args));
    } catch (TdslException e) {
      if (e.message().contains("has no attribute '" + name + "'")) throw new NoSuchMethodException(e.message());
      throw scriptException(e);
    }
  }

  @Override
  public <T> T getInterface(Class<T> type) {
    return proxy(type, null);
  }

  @Override
  public <T> T getInterface(Object thiz, Class<T> type) {
    if (thiz == null) throw new IllegalArgumentException("getInterface on null");
    return proxy(type, thiz);
  }

  /** An implementation of an interface whose methods call the tdsl functions (or methods) of the same names. */
  private <T> T proxy(Class<T> type, Object thiz) {
    if (type == null || !type.isInterface()) throw new IllegalArgumentException("not an interface: " + type);
    for (Method m : type.getMethods()) {
      if (m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) continue;
      if (thiz == null && !session.has(m.getName())) return null;  // as the javax.script contract says
    }
    Object p = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, m, args) -> {
      if (m.getDeclaringClass() == Object.class) return objectMethod(self, m, args);
      Object r = thiz == null ? invokeFunction(m.getName(), args == null ? new Object[0] : args)
          : invokeMethod(thiz, m.getName(), args == null ? new Object[0] : args);
      if (m.getReturnType() == void.class) return null;
      return JavaValues.as(r, box(m.getReturnType()), m.getName() + "()", session.interpreter());
    });
    return type.cast(p);
  }

  private static Object objectMethod(Object self, Method m, Object[] args) {
    return switch (m.getName()) {
      case "hashCode" -> System.identityHashCode(self);
      case "equals" -> self == args[0];
      default -> "tdsl proxy@" + Integer.toHexString(System.identityHashCode(self));
    };
  }

  private static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) return c;
    Map<Class<?>, Class<?>> boxes = Map.of(int.class, Integer.class, long.class, Long.class, double.class, Double.class,
        float.class, Float.class, boolean.class, Boolean.class);
    return boxes.getOrDefault(c, c);
  }

  private static ScriptException scriptException(TdslException e) {
    ScriptException se = new ScriptException(e.message(), e.file(), e.line() == 0 ? -1 : e.line(),
        e.column() == 0 ? -1 : e.column());
    se.initCause(e);
    return se;
  }
}
