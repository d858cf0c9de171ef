package org.tdsl.interp.pylib;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tdsl.interp.Args;
import org.tdsl.syntax.BinOp;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.PyList;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.SystemExit;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/**
 * argparse.ArgumentParser: the arguments a script declares, the parsing of its command line
 * (Python's rules for options, values, abbreviations, negative numbers and `--`), and the
 * text Python prints: `--help` on stdout (status 0), `usage:` plus `prog: error: ...` on
 * stderr (status 2). The parser's internals are Python's in outcome, not in structure: the
 * options are consumed left to right, then the positionals share what is left, greedily.
 */
final class ArgumentParser {
  /** A titled section of --help ("positional arguments", "options", add_argument_group's). */
  static final class Group {
    final ArgumentParser owner;
    final String title;
    final String description;
    final List<ArgAction> actions = new ArrayList<>();

    Group(ArgumentParser owner, String title, String description) {
      this.owner = owner;
      this.title = title;
      this.description = description;
    }
  }

  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("^-\\d+$|^-\\d*\\.\\d+$");
  private static final Pattern HELP_PARAM = Pattern.compile("%\\(([^)]*)\\)([-#0 +]*\\d*(?:\\.\\d+)?[a-zA-Z])|%%");

  final Interpreter ip;
  final String prog;
  final String usage;
  final String description;
  final String epilog;
  final List<ArgAction> actions = new ArrayList<>();
  final List<Group> groups = new ArrayList<>();
  private final Group positionals = new Group(this, "positional arguments", null);
  private final Group optionals = new Group(this, "options", null);
  private final Map<String, ArgAction> byOption = new LinkedHashMap<>();
  private final Map<String, Object> defaults = new LinkedHashMap<>();
  /** formatter_class=ArgumentDefaultsHelpFormatter: every help ends with its default. */
  boolean defaultsInHelp;

  ArgumentParser(Interpreter ip, String prog, String usage, String description, String epilog, boolean addHelp) {
    this.ip = ip;
    this.prog = prog;
    this.usage = usage;
    this.description = description;
    this.epilog = epilog;
    groups.add(positionals);
    groups.add(optionals);
    if (addHelp) {
      ArgAction h = new ArgAction();
      h.kind = ArgAction.Kind.HELP;
      h.optionStrings = List.of("-h", "--help");
      h.dest = ArgAction.SUPPRESS;
      h.nargs = 0L;
      h.defaultValue = ArgAction.SUPPRESS;
      h.help = "show this help message and exit";
      add(h, null);
    }
  }

  // ------------------------------------------------------------------ add_argument

  Object addArgument(Args a, Group group) {
    List<String> names = new ArrayList<>();
    for (Object o : a.varargs("name_or_flags").items()) {
      if (!(o instanceof String s)) throw new TdslError("argument names must be str, not " + Values.typeName(o, ip));
      names.add(s);
    }
    PyDict kw = (PyDict) a.get("kwargs");
    ArgAction act = new ArgAction();
    boolean positional = names.isEmpty() || !names.getFirst().startsWith("-");
    if (positional) {
      if (names.size() != 1) throw new TdslError("invalid option string " + Values.repr(names.isEmpty() ? "" : names.get(1)) + ": must start with a character '-'");
      if (kw.containsKey("required")) throw new TdslError("'required' is an invalid argument for positionals");
      act.dest = names.getFirst();
    } else {
      for (String n : names) {
        if (!n.startsWith("-")) throw new TdslError("invalid option string " + Values.repr(n) + ": must start with a character '-'");
      }
      String longest = names.stream().filter(n -> n.startsWith("--")).findFirst().orElse(names.getFirst());
      act.dest = longest.replaceFirst("^-+", "").replace('-', '_');
      act.optionStrings = List.copyOf(names);
    }
    Set<String> known = Set.of("action", "nargs", "const", "default", "type", "choices", "required", "help", "metavar", "dest", "version");
    for (Object k : kw.keys()) {
      if (!known.contains((String) k)) throw new TdslError("add_argument() got an unexpected keyword argument '" + k + "'");
    }
    String kind = kw.containsKey("action") ? (String) kw.get("action") : "store";
    act.kind = switch (kind) {
      case "store" -> ArgAction.Kind.STORE;
      case "store_const" -> ArgAction.Kind.STORE_CONST;
      case "store_true" -> ArgAction.Kind.STORE_TRUE;
      case "store_false" -> ArgAction.Kind.STORE_FALSE;
      case "append" -> ArgAction.Kind.APPEND;
      case "append_const" -> ArgAction.Kind.APPEND_CONST;
      case "count" -> ArgAction.Kind.COUNT;
      case "help" -> ArgAction.Kind.HELP;
      case "version" -> ArgAction.Kind.VERSION;
      default -> throw new TdslError("unknown action " + Values.repr(kind));
    };
    if (kw.containsKey("dest")) {
      if (positional) throw new TdslError("dest supplied twice for positional argument");
      act.dest = (String) kw.get("dest");
    }
    act.constValue = kw.get("const");
    act.type = kw.get("type");
    act.help = kw.containsKey("help") ? (String) kw.get("help") : null;
    act.metavar = kw.get("metavar");
    act.required = kw.containsKey("required") && Values.truthy(kw.get("required"), ip);
    switch (act.kind) {
      case STORE_TRUE -> {
        act.nargs = 0L;
        act.defaultValue = kw.containsKey("default") ? kw.get("default") : Boolean.FALSE;
        act.constValue = true;
      }
      case STORE_FALSE -> {
        act.nargs = 0L;
        act.defaultValue = kw.containsKey("default") ? kw.get("default") : Boolean.TRUE;
        act.constValue = false;
      }
      case STORE_CONST, APPEND_CONST, COUNT -> {
        act.nargs = 0L;
        act.defaultValue = kw.get("default");
      }
      case HELP, VERSION -> {
        act.nargs = 0L;
        act.defaultValue = ArgAction.SUPPRESS;
        act.dest = kw.containsKey("dest") ? (String) kw.get("dest") : ArgAction.SUPPRESS;
        if (act.help == null) act.help = act.kind == ArgAction.Kind.HELP ? "show this help message and exit" : "show program's version number and exit";
        act.version = (String) kw.get("version");
      }
      default -> {
        act.nargs = nargs(kw.get("nargs"));
        act.defaultValue = kw.get("default");
        if (Long.valueOf(0).equals(act.nargs)) {
          throw new TdslError("nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate");
        }
        if ("?".equals(act.nargs) && !kw.containsKey("const")) act.constValue = null;
      }
    }
    if (act.nargs == null && kw.containsKey("nargs") && act.takesNoValue()) throw new TdslError("nargs not allowed");
    // Python's rule: a positional is required unless it is "?", or "*" with a default
    if (positional) act.required = !("?".equals(act.nargs) || ("*".equals(act.nargs) && kw.containsKey("default")));
    if (kw.containsKey("choices") && kw.get("choices") != null) {
      act.choicesValue = kw.get("choices");
      act.choices = Values.toList(kw.get("choices"), ip);
    }
    if (act.type != null && !callable(act.type)) throw new TdslError(Values.repr(act.type, ip) + " is not callable");
    add(act, group);
    return act.dest;
  }

  private boolean callable(Object v) {
    if (v instanceof org.tdsl.interp.PyCallable) return true;
    var p = Values.isForeign(v) ? ip.builtins().protocolFor(v) : null;
    return p != null;
  }

  private static Object nargs(Object n) {
    if (n == null) return null;
    if (n instanceof Long l) return l;
    if (n instanceof String s && (s.equals("?") || s.equals("*") || s.equals("+"))) return s;
    throw new TdslError("invalid nargs value");
  }

  private void add(ArgAction act, Group group) {
    for (String o : act.optionStrings) {
      if (byOption.containsKey(o)) throw new TdslError("argument " + String.join("/", act.optionStrings) + ": conflicting option string: " + o);
    }
    for (String o : act.optionStrings) byOption.put(o, act);
    actions.add(act);
    (group != null ? group : act.isPositional() ? positionals : optionals).actions.add(act);
  }

  /** The help text with %(default)s, %(type)s, %(prog)s ... filled in, as argparse's _expand_help. */
  String expandHelp(ArgAction a) {
    String help = a.help;
    if (defaultsInHelp && !help.contains("%(default)") && !ArgAction.SUPPRESS.equals(a.defaultValue)
        && (!a.isPositional() || "?".equals(a.nargs) || "*".equals(a.nargs))) {
      help += " (default: %(default)s)";  // ArgumentDefaultsHelpFormatter
    }
    if (!help.contains("%")) return help;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("option_strings", new PyList(new ArrayList<>(a.optionStrings)));
    params.put("dest", a.dest);
    params.put("nargs", a.nargs);
    params.put("const", a.constValue);
    params.put("default", a.defaultValue);
    params.put("type", a.type == null ? null : ArgHelp.typeName(a.type));
    if (a.choices != null) {
      List<String> c = new ArrayList<>();
      for (Object o : a.choices) c.add(Values.str(o, ip));
      params.put("choices", String.join(", ", c));
    } else params.put("choices", null);
    params.put("required", a.required);
    params.put("help", a.help);
    params.put("metavar", a.metavar);
    params.put("prog", prog);
    params.values().removeIf(ArgAction.SUPPRESS::equals);
    Matcher m = HELP_PARAM.matcher(help);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String rep;
      if (m.group().equals("%%")) rep = "%";
      else {
        if (!params.containsKey(m.group(1))) throw new TdslError("KeyError: " + Values.repr(m.group(1)));
        Object v = params.get(m.group(1));
        String spec = m.group(2);
        rep = spec.equals("s") ? Values.str(v, ip) : spec.equals("r") ? Values.repr(v, ip) : (String) ip.binary(BinOp.MOD, "%" + spec, v);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(rep));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  // ------------------------------------------------------------------ parse_args

  /** A mistake on the command line: becomes usage + "prog: error: message", status 2. */
  static final class Mistake extends RuntimeException {
    Mistake(String message) {
      super(message, null, false, false);
    }
  }

  void setDefaults(PyDict kw) {
    for (Object k : kw.keys()) {
      defaults.put((String) k, kw.get(k));
      for (ArgAction a : actions) if (a.dest.equals(k)) a.defaultValue = kw.get(k);
    }
  }

  Object getDefault(String dest) {
    for (ArgAction a : actions) if (a.dest.equals(dest) && a.defaultValue != null) return a.defaultValue;
    return defaults.get(dest);
  }

  /** parse_args(args) / parse_known_args(args): the namespace, and what was not recognised. */
  PyTuple parse(List<String> args, ArgNamespace given, boolean known) {
    ArgNamespace ns = given != null ? given : new ArgNamespace(ip);
    try {
      List<String> extras = parseInto(args, ns);
      if (!known && !extras.isEmpty()) throw new Mistake("unrecognized arguments: " + String.join(" ", extras));
      return PyTuple.of(ns, new PyList(new ArrayList<>(extras)));
    } catch (Mistake e) {
      throw error(e.getMessage());
    }
  }

  /** parser.error(message): usage and the message on stderr, exit status 2. */
  SystemExit error(String message) {
    return SystemExit.withMessage(2, new ArgHelp(this).usage() + prog + ": error: " + message);
  }

  private List<String> parseInto(List<String> args, ArgNamespace ns) {
    for (ArgAction a : actions) {
      if (!ArgAction.SUPPRESS.equals(a.dest) && !ns.attributes.containsKey(a.dest) && !ArgAction.SUPPRESS.equals(a.defaultValue)) {
        ns.attributes.put(a.dest, a.defaultValue);
      }
    }
    for (var e : defaults.entrySet()) if (!ns.attributes.containsKey(e.getKey())) ns.attributes.put(e.getKey(), e.getValue());
    // argparse's pattern of the command line: O an option, A an argument, - the first "--"
    boolean negativeOptions = byOption.keySet().stream().anyMatch(o -> NEGATIVE_NUMBER.matcher(o).matches());
    StringBuilder pattern = new StringBuilder();
    Map<Integer, Option> options = new LinkedHashMap<>();
    boolean rest = false;
    for (int i = 0; i < args.size(); i++) {
      if (rest) {
        pattern.append('A');
      } else if (args.get(i).equals("--")) {
        pattern.append('-');
        rest = true;
      } else {
        Option o = option(args.get(i), negativeOptions);
        if (o == null) pattern.append('A');
        else {
          pattern.append('O');
          options.put(i, o);
        }
      }
    }
    Parse state = new Parse(args, pattern.toString(), ns);
    for (ArgAction a : actions) if (a.isPositional()) state.positionals.add(a);
    int maxOption = options.isEmpty() ? -1 : java.util.Collections.max(options.keySet());
    int start = 0;
    while (start <= maxOption) {
      final int from = start;
      int nextOption = options.keySet().stream().filter(i -> i >= from).min(Integer::compare).orElseThrow();
      if (start != nextOption) {
        int end = consumePositionals(state, start);
        if (end > start) {
          start = end;
          continue;
        }
        start = end;
      }
      if (!options.containsKey(start)) {
        state.extras.addAll(args.subList(start, nextOption));
        start = nextOption;
      }
      start = consumeOptional(state, start, options.get(start));
    }
    int stop = consumePositionals(state, start);
    state.extras.addAll(args.subList(stop, args.size()));
    List<String> missing = new ArrayList<>();
    for (ArgAction a : actions) if (a.required && !state.seen.contains(a)) missing.add(a.displayName());
    if (!missing.isEmpty()) throw new Mistake("the following arguments are required: " + String.join(", ", missing));
    for (ArgAction a : actions) {
      if (!state.seen.contains(a) && a.defaultValue instanceof String s && !ArgAction.SUPPRESS.equals(s)
          && ns.attributes.containsKey(a.dest) && ns.attributes.get(a.dest) == s) {
        ns.attributes.put(a.dest, convert(a, s));
      }
    }
    return state.extras;
  }

  /** One parse_args call in progress. */
  private static final class Parse {
    final List<String> args;
    final String pattern;
    final ArgNamespace ns;
    final List<ArgAction> positionals = new ArrayList<>();
    final List<String> extras = new ArrayList<>();
    final Set<ArgAction> seen = new HashSet<>();

    Parse(List<String> args, String pattern, ArgNamespace ns) {
      this.args = args;
      this.pattern = pattern;
      this.ns = ns;
    }
  }

  /** argparse's consume_optional: the option at start, its joined flags (-vv) and its values. */
  private int consumeOptional(Parse st, int start, Option opt) {
    if (opt.action == null) {
      st.extras.add(st.args.get(start));
      return start + 1;
    }
    ArgAction action = opt.action;
    String optionString = opt.option;
    String explicit = opt.explicit;
    while (true) {
      if (explicit != null) {
        if (action.takesNoValue() && !optionString.startsWith("--")) {
          take(action, optionString, List.of(), st.ns, st.seen);
          String next = optionString.charAt(0) + explicit.substring(0, 1);
          if (!byOption.containsKey(next)) {
            throw new Mistake("argument " + action.displayName() + ": ignored explicit argument " + Values.repr(explicit));
          }
          action = byOption.get(next);
          optionString = next;
          explicit = explicit.length() > 1 ? explicit.substring(1) : null;
          continue;
        }
        if (action.takesNoValue() || (action.nargs instanceof Long n && n > 1)) {
          if (action.takesNoValue()) throw new Mistake("argument " + action.displayName() + ": ignored explicit argument " + Values.repr(explicit));
          throw new Mistake("argument " + action.displayName() + ": expected " + action.nargs + " arguments");
        }
        take(action, optionString, List.of(explicit), st.ns, st.seen);
        return start + 1;
      }
      int available = 0;
      while (start + 1 + available < st.pattern.length() && st.pattern.charAt(start + 1 + available) == 'A') available++;
      int n = action.takesNoValue() ? 0 : count(action, available);
      take(action, optionString, st.args.subList(start + 1, start + 1 + n), st.ns, st.seen);
      return start + 1 + n;
    }
  }

  /** argparse's consume_positionals: as many of the waiting positionals as the run of arguments at start can fill. */
  private int consumePositionals(Parse st, int start) {
    String rest = st.pattern.substring(start);
    for (int k = st.positionals.size(); k > 0; k--) {
      StringBuilder re = new StringBuilder();
      for (ArgAction a : st.positionals.subList(0, k)) re.append(nargsPattern(a));
      Matcher m = Pattern.compile(re.toString()).matcher(rest);
      if (!m.lookingAt()) continue;
      int at = start;
      for (int g = 1; g <= k; g++) {
        int len = m.group(g).length();
        List<String> strings = new ArrayList<>(st.args.subList(at, at + len));
        strings.remove("--");
        take(st.positionals.get(g - 1), null, strings, st.ns, st.seen);
        at += len;
      }
      st.positionals.subList(0, k).clear();
      return at;
    }
    return start;
  }

  private static String nargsPattern(ArgAction a) {
    return switch (a.nargs) {
      case null -> "(-*A-*)";
      case Long n -> "(-*" + String.join("-*", java.util.Collections.nCopies((int) (long) n, "A")) + "-*)";
      case String s when s.equals("?") -> "(-*A?-*)";
      case String s when s.equals("*") -> "(-*[A-]*)";
      default -> "(-*A[A-]*)";
    };
  }

  /** How many of the available strings an option with this nargs takes (Python's errors when too few). */
  private static int count(ArgAction a, int available) {
    Object n = a.nargs;
    if (n == null) {
      if (available < 1) throw new Mistake("argument " + a.displayName() + ": expected one argument");
      return 1;
    }
    if ("?".equals(n)) return Math.min(available, 1);
    if ("*".equals(n)) return available;
    if ("+".equals(n)) {
      if (available < 1) throw new Mistake("argument " + a.displayName() + ": expected at least one argument");
      return available;
    }
    long k = (Long) n;
    if (available < k) throw new Mistake("argument " + a.displayName() + ": expected " + k + " argument" + (k == 1 ? "" : "s"));
    return (int) k;
  }

  private record Option(ArgAction action, String option, String explicit) {}

  /** argparse's _parse_optional: null when the string is a positional (or a value). */
  private Option option(String arg, boolean negativeOptions) {
    if (arg.isEmpty() || arg.charAt(0) != '-') return null;
    if (byOption.containsKey(arg)) return new Option(byOption.get(arg), arg, null);
    if (arg.length() == 1) return null;
    if (arg.contains("=")) {
      String o = arg.substring(0, arg.indexOf('='));
      if (byOption.containsKey(o)) return new Option(byOption.get(o), o, arg.substring(arg.indexOf('=') + 1));
    }
    List<Option> matches = prefixMatches(arg);
    if (matches.size() > 1) {
      List<String> names = new ArrayList<>();
      for (Option m : matches) names.add(m.option);
      throw new Mistake("ambiguous option: " + (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) + " could match " + String.join(", ", names));
    }
    if (matches.size() == 1) return matches.getFirst();
    if (NEGATIVE_NUMBER.matcher(arg).matches() && !negativeOptions) return null;
    if (arg.contains(" ")) return null;
    return new Option(null, arg, null);
  }

  private List<Option> prefixMatches(String arg) {
    List<Option> out = new ArrayList<>();
    if (arg.startsWith("--")) {
      String prefix = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String explicit = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
      for (var e : byOption.entrySet()) if (e.getKey().startsWith(prefix)) out.add(new Option(e.getValue(), e.getKey(), explicit));
    } else if (arg.length() > 2) {
      String shortOption = arg.substring(0, 2);
      if (byOption.containsKey(shortOption)) out.add(new Option(byOption.get(shortOption), shortOption, arg.substring(2)));
      else {
        for (var e : byOption.entrySet()) if (e.getKey().startsWith(arg)) out.add(new Option(e.getValue(), e.getKey(), null));
      }
    }
    return out;
  }

  private void take(ArgAction a, String optionString, List<String> strings, ArgNamespace ns, Set<ArgAction> seen) {
    seen.add(a);
    switch (a.kind) {
      case HELP -> {
        ip.out().print(new ArgHelp(this).help());
        ip.out().flush();
        throw SystemExit.withMessage(0, null);
      }
      case VERSION -> {
        ip.out().println(a.version == null ? "" : a.version.replace("%(prog)s", prog));
        ip.out().flush();
        throw SystemExit.withMessage(0, null);
      }
      case STORE_CONST, STORE_TRUE, STORE_FALSE -> ns.attributes.put(a.dest, a.constValue);
      case COUNT -> {
        Object old = ns.attributes.get(a.dest);
        ns.attributes.put(a.dest, (old == null ? 0L : Values.toIndex(old)) + 1);
      }
      case APPEND, APPEND_CONST -> {
        Object old = ns.attributes.get(a.dest);
        PyList list = old == null ? new PyList() : new PyList(Values.toList(old, ip));
        list.items.add(a.kind == ArgAction.Kind.APPEND ? values(a, strings, optionString) : a.constValue);
        ns.attributes.put(a.dest, list);
      }
      case STORE -> ns.attributes.put(a.dest, values(a, strings, optionString));
    }
  }

  private Object values(ArgAction a, List<String> strings, String optionString) {
    if (strings.isEmpty() && "?".equals(a.nargs)) {
      Object v = a.isPositional() ? a.defaultValue : a.constValue;
      if (v instanceof String s) {
        v = convert(a, s);
        check(a, v);
      }
      return v;
    }
    if (strings.isEmpty() && "*".equals(a.nargs) && a.isPositional()) {
      return a.defaultValue != null ? a.defaultValue : new PyList();
    }
    if (a.nargs == null || "?".equals(a.nargs)) {
      Object v = convert(a, strings.getFirst());
      check(a, v);
      return v;
    }
    PyList out = new PyList();
    for (String s : strings) {
      Object v = convert(a, s);
      check(a, v);
      out.items.add(v);
    }
    return out;
  }

  private Object convert(ArgAction a, String s) {
    if (a.type == null) return s;
    try {
      return ip.callValue(a.type, List.of(s), Map.of());
    } catch (TdslError e) {
      throw new Mistake("argument " + a.displayName() + ": invalid " + ArgHelp.typeName(a.type) + " value: " + Values.repr(s));
    }
  }

  private void check(ArgAction a, Object v) {
    if (a.choices == null) return;
    for (Object c : a.choices) if (Values.equal(c, v)) return;
    List<String> names = new ArrayList<>();
    for (Object c : a.choices) names.add(Values.repr(c, ip));
    throw new Mistake("argument " + a.displayName() + ": invalid choice: " + Values.repr(v, ip) + " (choose from " + String.join(", ", names) + ")");
  }

  /** The builtin-style methods of a parser (and of an argument group, which adds to it). */
  static Builtin method(String signature, String help, org.tdsl.interp.BuiltinFn fn) {
    return new Builtin(signature.substring(0, signature.indexOf('(')), signature, help, fn);
  }
}
