package org.tdsl.interp.pylib;

import java.util.List;

/**
 * One add_argument call: what argparse calls an Action. nargs is null (one value), "?",
 * "*", "+", a Long count, or 0L for the actions that take no value (store_true, count, ...).
 */
final class ArgAction {
  /** argparse.SUPPRESS: a default or help that is not there. */
  static final String SUPPRESS = "==SUPPRESS==";

  enum Kind { STORE, STORE_CONST, STORE_TRUE, STORE_FALSE, APPEND, APPEND_CONST, COUNT, HELP, VERSION }

  Kind kind = Kind.STORE;
  List<String> optionStrings = List.of();
  String dest;
  Object nargs;
  Object constValue;
  Object defaultValue;
  Object type;
  List<Object> choices;
  Object choicesValue;
  boolean required;
  String help;
  Object metavar;
  String version;

  boolean isPositional() {
    return optionStrings.isEmpty();
  }

  boolean takesNoValue() {
    return Long.valueOf(0).equals(nargs);
  }

  /** How argparse names the argument in an error: its options, else its metavar, else its dest. */
  String displayName() {
    if (!optionStrings.isEmpty()) return String.join("/", optionStrings);
    if (metavar != null && !SUPPRESS.equals(metavar)) return metavar instanceof String s ? s : org.tdsl.interp.Values.str(metavar);
    return dest;
  }

  /** argparse's action name, as %(...)s in help and repr show it. */
  String kindName() {
    return switch (kind) {
      case STORE -> "store";
      case STORE_CONST -> "store_const";
      case STORE_TRUE -> "store_true";
      case STORE_FALSE -> "store_false";
      case APPEND -> "append";
      case APPEND_CONST -> "append_const";
      case COUNT -> "count";
      case HELP -> "help";
      case VERSION -> "version";
    };
  }
}
