package org.tdsl.interp.pylib;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.PyList;
import org.tdsl.interp.PyClass;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/**
 * Python's argparse module: ArgumentParser, Namespace, SUPPRESS and the help formatter
 * classes a training script names. parse_args() reads the script's arguments (argv[1:]).
 */
final class ArgParseModule {
  private ArgParseModule() {}

  private static final PyClass HELP_FORMATTER = PyClass.wrapper("HelpFormatter", "argparse", PyClass.OBJECT, v -> false, null);
  private static final PyClass DEFAULTS_FORMATTER = PyClass.wrapper("ArgumentDefaultsHelpFormatter", "argparse", PyClass.OBJECT, v -> false, null);

  static PyModule create(Builtins b) {
    b.registerProtocol(ArgumentParser.class, PARSER);
    b.registerProtocol(ArgumentParser.Group.class, GROUP);
    b.registerProtocol(ArgNamespace.class, new ArgNamespace.ProtocolImpl());
    PyModule m = new PyModule("argparse");
    m.function("ArgumentParser(prog=None, usage=None, description=None, epilog=None, formatter_class=None, add_help=True, allow_abbrev=True)",
        "A command-line parser: add_argument(...), then parse_args() reads the script's arguments.", a -> {
          Interpreter ip = a.interpreter();
          String prog = a.getOptionalString("prog");
          if (prog == null) {
            List<Object> items = SysModule.argv(ip);
            String first = items.isEmpty() ? "" : Values.str(items.getFirst());
            prog = first.substring(first.lastIndexOf('/') + 1);
          }
          ArgumentParser p = new ArgumentParser(ip, prog, a.getOptionalString("usage"), a.getOptionalString("description"),
              a.getOptionalString("epilog"), a.getBool("add_help"));
          p.defaultsInHelp = DEFAULTS_FORMATTER.equals(a.get("formatter_class"));
          return p;
        });
    m.function("Namespace(**kwargs)", "A plain object whose attributes are the keywords (what parse_args returns).", a -> {
      ArgNamespace ns = new ArgNamespace(a.interpreter());
      PyDict kw = (PyDict) a.get("kwargs");
      for (Object k : kw.keys()) ns.attributes.put(k, kw.get(k));
      return ns;
    });
    m.value("SUPPRESS", "argparse.SUPPRESS: a default that leaves the attribute unset, a help that hides the argument.", ArgAction.SUPPRESS);
    m.value("HelpFormatter", "The default --help layout.", HELP_FORMATTER);
    m.value("ArgumentDefaultsHelpFormatter", "formatter_class= that ends every help with (default: ...).", DEFAULTS_FORMATTER);
    return m;
  }

  private static List<String> strings(Object args, Interpreter ip) {
    List<String> out = new ArrayList<>();
    if (args == null) {
      List<Object> items = SysModule.argv(ip);
      for (Object o : items.subList(Math.min(1, items.size()), items.size())) out.add(Values.str(o, ip));
      return out;
    }
    for (Object o : Values.toList(args, ip)) {
      if (!(o instanceof String s)) throw new TdslError("'" + Values.typeName(o, ip) + "' object is not subscriptable");
      out.add(s);
    }
    return out;
  }

  private static final Protocol<ArgumentParser> PARSER = new Protocol<>() {
    private static final List<String> NAMES = List.of("add_argument", "add_argument_group", "parse_args", "parse_known_args",
        "print_help", "format_help", "print_usage", "format_usage", "error", "exit", "set_defaults", "get_default", "prog", "description", "epilog");

    @Override public String typeName(ArgumentParser self) { return "ArgumentParser"; }

    @Override public String className(ArgumentParser self) { return "argparse.ArgumentParser"; }

    @Override public List<String> attributeNames(ArgumentParser self) { return NAMES; }

    @Override public Object getAttr(ArgumentParser p, String name) {
      return switch (name) {
        case "prog" -> p.prog;
        case "description" -> p.description;
        case "epilog" -> p.epilog;
        case "usage" -> p.usage;
        case "add_argument" -> ArgumentParser.method("add_argument(*name_or_flags, **kwargs)",
            "Declares an argument: a positional name or --options, with type=, default=, action=, help=, ...", a -> {
              p.addArgument(a, null);
              return null;
            });
        case "add_argument_group" -> ArgumentParser.method("add_argument_group(title=None, description=None)",
            "A titled section of --help; its add_argument adds to this parser.", a -> {
              ArgumentParser.Group g = new ArgumentParser.Group(p, a.getOptionalString("title"), a.getOptionalString("description"));
              p.groups.add(g);
              return g;
            });
        case "parse_args" -> ArgumentParser.method("parse_args(args=None, namespace=None)",
            "Parses args (default: the script's arguments, argv[1:]) into a Namespace; --help and mistakes end the script.",
            a -> p.parse(strings(a.get("args"), a.interpreter()), namespace(a), false).get(0));
        case "parse_known_args" -> ArgumentParser.method("parse_known_args(args=None, namespace=None)",
            "parse_args that returns (namespace, the arguments it did not know) instead of failing on them.",
            a -> p.parse(strings(a.get("args"), a.interpreter()), namespace(a), true));
        case "format_help" -> ArgumentParser.method("format_help()", "The --help text.", a -> new ArgHelp(p).help());
        case "print_help" -> ArgumentParser.method("print_help()", "Prints the --help text.", a -> {
          a.out().print(new ArgHelp(p).help());
          return null;
        });
        case "format_usage" -> ArgumentParser.method("format_usage()", "The usage line.", a -> new ArgHelp(p).usage());
        case "print_usage" -> ArgumentParser.method("print_usage()", "Prints the usage line.", a -> {
          a.out().print(new ArgHelp(p).usage());
          return null;
        });
        case "error" -> ArgumentParser.method("error(message)", "Ends the script with the usage and 'prog: error: message' (status 2).",
            a -> { throw p.error(a.getString("message")); });
        case "exit" -> ArgumentParser.method("exit(status=0, message=None)", "Ends the script with status, printing message to stderr.",
            a -> { throw org.tdsl.interp.SystemExit.withMessage((int) a.getLong("status"), stripNewline(a.getOptionalString("message"))); });
        case "set_defaults" -> ArgumentParser.method("set_defaults(**kwargs)", "Default values for attributes, with or without an argument.", a -> {
          p.setDefaults((PyDict) a.get("kwargs"));
          return null;
        });
        case "get_default" -> ArgumentParser.method("get_default(dest)", "The default of an attribute.", a -> p.getDefault(a.getString("dest")));
        default -> UNSUPPORTED;
      };
    }

    @Override public String repr(ArgumentParser p) {
      return "ArgumentParser(prog=" + Values.repr(p.prog) + ", usage=" + Values.repr(p.usage) + ", description=" + Values.repr(p.description)
          + ", formatter_class=<class 'argparse." + (p.defaultsInHelp ? "ArgumentDefaultsHelpFormatter" : "HelpFormatter")
          + "'>, conflict_handler='error', add_help=" + (p.actions.stream().anyMatch(x -> x.kind == ArgAction.Kind.HELP) ? "True" : "False") + ")";
    }
  };

  private static String stripNewline(String s) {
    return s != null && s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  private static ArgNamespace namespace(Args a) {
    Object ns = a.get("namespace");
    if (ns == null) return null;
    if (!(ns instanceof ArgNamespace n)) throw new TdslError("namespace must be an argparse.Namespace here, not " + Values.typeName(ns, a.interpreter()));
    return n;
  }

  private static final Protocol<ArgumentParser.Group> GROUP = new Protocol<>() {
    @Override public String typeName(ArgumentParser.Group self) { return "_ArgumentGroup"; }

    @Override public List<String> attributeNames(ArgumentParser.Group self) { return List.of("add_argument", "title", "description"); }

    @Override public Object getAttr(ArgumentParser.Group g, String name) {
      return switch (name) {
        case "title" -> g.title;
        case "description" -> g.description;
        case "add_argument" -> ArgumentParser.method("add_argument(*name_or_flags, **kwargs)", "Declares an argument shown in this group's section.", a -> {
          g.owner.addArgument(a, g);
          return null;
        });
        default -> UNSUPPORTED;
      };
    }
  };
}
