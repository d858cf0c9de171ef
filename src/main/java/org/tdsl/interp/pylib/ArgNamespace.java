package org.tdsl.interp.pylib;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.syntax.CmpOp;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.Values;

/**
 * argparse.Namespace: the parsed arguments as attributes (args.batch_size), in the order the
 * arguments were added; vars(args) is its dict itself, as in Python.
 */
final class ArgNamespace {
  final PyDict attributes = new PyDict();
  private final Interpreter ip;

  ArgNamespace(Interpreter ip) {
    this.ip = ip;
  }

  static final class ProtocolImpl implements Protocol<ArgNamespace> {
    @Override public String typeName(ArgNamespace self) { return "Namespace"; }

    @Override public String className(ArgNamespace self) { return "argparse.Namespace"; }

    @Override public Object getAttr(ArgNamespace self, String name) {
      if (name.equals("__dict__")) return self.attributes;
      return self.attributes.containsKey(name) ? self.attributes.get(name) : UNSUPPORTED;
    }

    @Override public boolean setAttr(ArgNamespace self, String name, Object value) {
      self.attributes.put(name, value);
      return true;
    }

    @Override public List<String> attributeNames(ArgNamespace self) {
      List<String> names = new ArrayList<>();
      for (Object k : self.attributes.keys()) names.add((String) k);
      return names;
    }

    @Override public Object compare(ArgNamespace self, CmpOp op, Object other) {
      if (!(other instanceof ArgNamespace o)) return UNSUPPORTED;
      boolean eq = Values.equal(self.attributes, o.attributes);
      return switch (op.symbol) {
        case "==" -> eq;
        case "!=" -> !eq;
        default -> UNSUPPORTED;
      };
    }

    @Override public String repr(ArgNamespace self) {
      StringBuilder sb = new StringBuilder("Namespace(");
      boolean first = true;
      for (Object k : self.attributes.keys()) {
        if (!first) sb.append(", ");
        first = false;
        sb.append(k).append('=').append(Values.repr(self.attributes.get(k), self.ip));
      }
      return sb.append(')').toString();
    }
  }
}
