package org.tdsl.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.syntax.Expr;
import org.tdsl.syntax.Stmt;

/**
 * Runs a {@code class} statement: evaluates the decorators and the base, runs the body in a
 * scope of its own, and makes the class from what the body bound. Functions of the body
 * become methods (they see the scope around the class, as in Python, and know their class
 * for super()). What tdsl does not support is named: metaclasses, multiple inheritance,
 * subclassing built-in types.
 */
final class ClassDefinition {
  private ClassDefinition() {}

  static Object run(Stmt.ClassDef s, Environment env, Interpreter ip) {
    List<Object> decorators = new ArrayList<>();
    for (Expr d : s.decorators()) decorators.add(ip.evaluate(d, env));
    PyClass base = base(s, env, ip);
    Environment body = new Environment(env);
    ip.execBlock(s.body(), body);
    Map<String, Object> dict = new LinkedHashMap<>();
    if (!s.body().isEmpty() && s.body().getFirst() instanceof Stmt.ExprStmt e
        && e.expr() instanceof Expr.Literal l && l.value() instanceof String doc) {
      dict.put("__doc__", doc);
    }
    for (String name : body.localNames()) dict.put(name, body.get(name));
    dict.put("__module__", "__main__");
    // Python: a class that defines __eq__ without __hash__ has unhashable instances
    if (dict.containsKey("__eq__") && !dict.containsKey("__hash__")) dict.put("__hash__", null);
    PyClass cls = PyClass.user(s.name(), base, dict);
    dict.replaceAll((name, value) -> asMethod(value, cls, body, env));
    Object result = cls;
    for (int i = decorators.size() - 1; i >= 0; i--) {
      result = ip.callValue(decorators.get(i), java.util.Arrays.asList(result), Map.of());
    }
    return result;
  }

  private static PyClass base(Stmt.ClassDef s, Environment env, Interpreter ip) {
    PyClass base = PyClass.OBJECT;
    int count = 0;
    for (Expr.Arg a : s.bases()) {
      switch (a.kind()) {
        case KEYWORD -> throw located(new TdslError(a.name().equals("metaclass")
            ? "tdsl does not support metaclasses" : "tdsl does not support class keyword arguments ('" + a.name() + "=')"), a.value(), ip);
        case STAR, DOUBLE_STAR -> throw located(new TdslError("tdsl does not support unpacked class bases"), a.value(), ip);
        case POSITIONAL -> {
          Object v = ip.evaluate(a.value(), env);
          if (++count > 1) {
            throw located(new TdslError("tdsl does not support multiple inheritance (class " + s.name()
                + " names " + s.bases().size() + " bases)"), a.value(), ip);
          }
          base = baseClass(v, a.value(), ip);
        }
      }
    }
    return base;
  }

  private static PyClass baseClass(Object v, Expr where, Interpreter ip) {
    if (v instanceof PyClass c) {
      if (c.factory() == null) {
        String what = c.module().equals("builtins") ? c.name() : c.module() + "." + c.name();
        throw located(new TdslError(c.name().equals("type") ? "tdsl does not support metaclasses"
            : "tdsl does not support subclassing " + what), where, ip);
      }
      return c;
    }
    if (v instanceof Builtin b && b.name().equals("type")) throw located(new TdslError("tdsl does not support metaclasses"), where, ip);
    if (v instanceof Builtin b) throw located(new TdslError("tdsl does not support subclassing built-in type '" + b.name() + "'"), where, ip);
    throw located(new TdslError("bases must be types, not '" + Values.typeName(v, ip) + "'"), where, ip);
  }

  private static TdslError located(TdslError e, Expr where, Interpreter ip) {
    return ip.located(e, where.pos());
  }

  /** A function defined in the class body, as a method of cls (inside staticmethod, classmethod and property too). */
  private static Object asMethod(Object value, PyClass cls, Environment body, Environment env) {
    return switch (value) {
      case Function f when f.closure == body -> f.asMethodOf(cls, env);
      case PyStaticMethod s -> new PyStaticMethod(asMethod(s.function(), cls, body, env));
      case PyClassMethod c -> new PyClassMethod((PyCallable) asMethod(c.function(), cls, body, env));
      case PyProperty p -> new PyProperty(asMethod(p.fget(), cls, body, env), asMethod(p.fset(), cls, body, env), p.doc());
      case null, default -> value;
    };
  }
}
