package org.tdsl.interp.pylib;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Values;

/**
 * argparse's HelpFormatter, line for line where it decides the text: the usage line and its
 * wrapping, the sections, the column where help starts, textwrap's breaks. The width is
 * Python's when no terminal is asked: 80 columns less 2.
 */
final class ArgHelp {
  static final int WIDTH = 78;
  private static final int INDENT = 2;
  private static final int MAX_HELP_POSITION = Math.min(24, Math.max(WIDTH - 20, INDENT * 2));
  private static final Pattern USAGE_PART = Pattern.compile("\\(.*?\\)+(?=\\s|$)|\\[.*?\\]+(?=\\s|$)|\\S+");

  private final ArgumentParser parser;

  ArgHelp(ArgumentParser parser) {
    this.parser = parser;
  }

  /** format_usage(): "usage: ...\n". */
  String usage() {
    return "usage: " + usageBody() + "\n";
  }

  /** format_help(). */
  String help() {
    StringBuilder sb = new StringBuilder();
    sb.append("usage: ").append(usageBody()).append("\n\n");
    if (parser.description != null) sb.append(text(parser.description, 0));
    int longest = 0;
    for (ArgumentParser.Group g : parser.groups) {
      for (ArgAction a : g.actions) {
        if (!ArgAction.SUPPRESS.equals(a.help)) longest = Math.max(longest, invocation(a).length() + INDENT);
      }
    }
    for (ArgumentParser.Group g : parser.groups) {
      StringBuilder items = new StringBuilder();
      if (g.description != null) items.append(text(g.description, INDENT));
      for (ArgAction a : g.actions) if (!ArgAction.SUPPRESS.equals(a.help)) items.append(action(a, longest));
      if (items.isEmpty()) continue;
      sb.append('\n');
      if (g.title != null) sb.append(g.title).append(":\n");
      sb.append(items).append('\n');
    }
    if (parser.epilog != null) sb.append(text(parser.epilog, 0));
    String out = sb.toString().replaceAll("\n\n\n+", "\n\n");
    return strip(out) + "\n";
  }

  private static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '\n') start++;
    while (end > start && s.charAt(end - 1) == '\n') end--;
    return s.substring(start, end);
  }

  private String text(String text, int indent) {
    text = text.replace("%(prog)s", parser.prog);
    String collapsed = text.replaceAll("\\s+", " ").strip();
    String pad = " ".repeat(indent);
    return String.join("\n", TextWrap.wrap(collapsed, Math.max(WIDTH - indent, 11), pad)) + "\n\n";
  }

  private String action(ArgAction a, int longest) {
    int helpPosition = Math.min(longest + 2, MAX_HELP_POSITION);
    int helpWidth = Math.max(WIDTH - helpPosition, 11);
    int actionWidth = helpPosition - INDENT - 2;
    String header = invocation(a);
    StringBuilder sb = new StringBuilder();
    int indentFirst = 0;
    boolean hasHelp = a.help != null && !a.help.isEmpty();
    if (!hasHelp) {
      sb.append(" ".repeat(INDENT)).append(header).append('\n');
    } else if (header.length() <= actionWidth) {
      sb.append(" ".repeat(INDENT)).append(String.format("%-" + actionWidth + "s", header)).append("  ");
    } else {
      sb.append(" ".repeat(INDENT)).append(header).append('\n');
      indentFirst = helpPosition;
    }
    if (hasHelp && !a.help.strip().isEmpty()) {
      String expanded = parser.expandHelp(a).replaceAll("\\s+", " ").strip();
      List<String> lines = TextWrap.wrap(expanded, helpWidth, "");
      if (!lines.isEmpty()) {
        sb.append(" ".repeat(indentFirst)).append(lines.getFirst()).append('\n');
        for (String line : lines.subList(1, lines.size())) sb.append(" ".repeat(helpPosition)).append(line).append('\n');
      }
    } else if (sb.charAt(sb.length() - 1) != '\n') {
      sb.append('\n');
    }
    return sb.toString();
  }

  /** "-h, --help" or "--batch-size N" or a positional's metavar. */
  String invocation(ArgAction a) {
    if (a.isPositional()) return metavars(a, a.dest, 1).getFirst();
    if (a.takesNoValue()) return String.join(", ", a.optionStrings);
    String args = formatArgs(a, a.dest.toUpperCase());
    List<String> parts = new ArrayList<>();
    for (String o : a.optionStrings) parts.add(o + " " + args);
    return String.join(", ", parts);
  }

  private static List<String> metavars(ArgAction a, String fallback, int n) {
    List<String> out = new ArrayList<>();
    if (a.metavar instanceof org.tdsl.interp.PyTuple t) {
      for (Object o : t.items()) out.add(Values.str(o));
      return out;
    }
    String m;
    if (a.metavar != null) m = Values.str(a.metavar);
    else if (a.choices != null) {
      List<String> c = new ArrayList<>();
      for (Object o : a.choices) c.add(Values.str(o));
      m = "{" + String.join(",", c) + "}";
    } else m = fallback;
    for (int i = 0; i < n; i++) out.add(m);
    return out;
  }

  static String formatArgs(ArgAction a, String fallback) {
    Object n = a.nargs;
    if (n == null) return metavars(a, fallback, 1).getFirst();
    if ("?".equals(n)) return "[" + metavars(a, fallback, 1).getFirst() + "]";
    if ("*".equals(n)) {
      List<String> m = metavars(a, fallback, 1);
      return m.size() == 2 ? "[" + m.get(0) + " [" + m.get(1) + " ...]]" : "[" + m.getFirst() + " ...]";
    }
    if ("+".equals(n)) {
      List<String> m = metavars(a, fallback, 2);
      return m.get(0) + " [" + m.get(1) + " ...]";
    }
    long count = (Long) n;
    return String.join(" ", metavars(a, fallback, (int) count));
  }

  private String actionsUsage(List<ArgAction> actions) {
    List<String> parts = new ArrayList<>();
    for (ArgAction a : actions) {
      if (ArgAction.SUPPRESS.equals(a.help)) continue;
      if (a.isPositional()) {
        parts.add(formatArgs(a, a.dest));
        continue;
      }
      String part = a.takesNoValue() ? a.optionStrings.getFirst()
          : a.optionStrings.getFirst() + " " + formatArgs(a, a.dest.toUpperCase());
      parts.add(a.required ? part : "[" + part + "]");
    }
    String text = String.join(" ", parts);
    text = text.replaceAll("([\\[(]) ", "$1");
    text = text.replaceAll(" ([\\])])", "$1");
    text = text.replaceAll("[\\[(] *[\\])]", "");
    text = text.replaceAll("\\(([^|]*)\\)", "$1");
    return text.strip();
  }

  private String usageBody() {
    if (parser.usage != null) return parser.usage.replace("%(prog)s", parser.prog);
    String prog = parser.prog;
    List<ArgAction> optionals = new ArrayList<>();
    List<ArgAction> positionals = new ArrayList<>();
    for (ArgAction a : parser.actions) (a.isPositional() ? positionals : optionals).add(a);
    if (parser.actions.isEmpty()) return prog;
    List<ArgAction> all = new ArrayList<>(optionals);
    all.addAll(positionals);
    String actionUsage = actionsUsage(all);
    String usage = actionUsage.isEmpty() ? prog : prog + " " + actionUsage;
    String prefix = "usage: ";
    int textWidth = WIDTH;
    if (prefix.length() + usage.length() <= textWidth) return usage;
    List<String> optParts = parts(actionsUsage(optionals));
    List<String> posParts = parts(actionsUsage(positionals));
    List<String> lines;
    if (prefix.length() + prog.length() <= 0.75 * textWidth) {
      String indent = " ".repeat(prefix.length() + prog.length() + 1);
      if (!optParts.isEmpty()) {
        List<String> first = new ArrayList<>(List.of(prog));
        first.addAll(optParts);
        lines = lines(first, indent, prefix, textWidth);
        lines.addAll(lines(posParts, indent, null, textWidth));
      } else if (!posParts.isEmpty()) {
        List<String> first = new ArrayList<>(List.of(prog));
        first.addAll(posParts);
        lines = lines(first, indent, prefix, textWidth);
      } else {
        lines = new ArrayList<>(List.of(prog));
      }
    } else {
      String indent = " ".repeat(prefix.length());
      List<String> all2 = new ArrayList<>(optParts);
      all2.addAll(posParts);
      lines = lines(all2, indent, null, textWidth);
      if (lines.size() > 1) {
        lines = lines(optParts, indent, null, textWidth);
        lines.addAll(lines(posParts, indent, null, textWidth));
      }
      lines.addFirst(prog);
    }
    return String.join("\n", lines);
  }

  private static List<String> parts(String usage) {
    List<String> out = new ArrayList<>();
    Matcher m = USAGE_PART.matcher(usage);
    while (m.find()) out.add(m.group());
    return out;
  }

  private static List<String> lines(List<String> parts, String indent, String prefix, int textWidth) {
    List<String> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    int lineLen = prefix != null ? prefix.length() - 1 : indent.length() - 1;
    for (String part : parts) {
      if (lineLen + 1 + part.length() > textWidth && !line.isEmpty()) {
        lines.add(indent + String.join(" ", line));
        line.clear();
        lineLen = indent.length() - 1;
      }
      line.add(part);
      lineLen += part.length() + 1;
    }
    if (!line.isEmpty()) lines.add(indent + String.join(" ", line));
    if (prefix != null) lines.set(0, lines.getFirst().substring(indent.length()));
    return lines;
  }

  /** A type's __name__ for messages and %(type)s: int, float, a function's own name. */
  static String typeName(Object type) {
    if (type instanceof Builtin b) return b.name();
    if (type instanceof org.tdsl.interp.PyCallable c) return c.name();
    return Values.repr(type);
  }
}
