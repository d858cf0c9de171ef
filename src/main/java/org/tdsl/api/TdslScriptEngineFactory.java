package org.tdsl.api;

import java.util.List;
import java.util.stream.Collectors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * tdsl for javax.script: {@code new ScriptEngineManager().getEngineByName("tdsl")} finds this
 * through META-INF/services. Each engine owns one {@link Session} with the default sandbox
 * (no file access); build a {@link TdslScriptEngine} around your own session for more.
 */
public final class TdslScriptEngineFactory implements ScriptEngineFactory {
  static final String VERSION = "0.1.0";

  @Override public String getEngineName() { return "tdsl"; }

  @Override public String getEngineVersion() { return VERSION; }

  @Override public List<String> getExtensions() { return List.of("tdsl"); }

  @Override public List<String> getMimeTypes() { return List.of("text/x-tdsl"); }

  @Override public List<String> getNames() { return List.of("tdsl", "TDSL"); }

  @Override public String getLanguageName() { return "tdsl"; }

  @Override public String getLanguageVersion() { return VERSION; }

  /** THREADING is null: an engine is not safe for concurrent use (one call at a time). */
  @Override
  public Object getParameter(String key) {
    return switch (key) {
      case ScriptEngine.ENGINE, ScriptEngine.NAME, ScriptEngine.LANGUAGE -> "tdsl";
      case ScriptEngine.ENGINE_VERSION, ScriptEngine.LANGUAGE_VERSION -> VERSION;
      default -> null;
    };
  }

  @Override
  public String getMethodCallSyntax(String obj, String m, String... args) {
    return obj + "." + m + "(" + String.join(", ", args) + ")";
  }

  @Override
  public String getOutputStatement(String toDisplay) {
    return "print(\"" + toDisplay.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\")";
  }

  @Override
  public String getProgram(String... statements) {
    return List.of(statements).stream().collect(Collectors.joining("\n", "", "\n"));
  }

  @Override
  public ScriptEngine getScriptEngine() {
    return new TdslScriptEngine(this, Session.create());
  }
}
