package org.tdsl.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.script.Bindings;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.tensor.Tensor;

/** tdsl through javax.script, found by name through service registration. */
class ScriptEngineTest {
  @TempDir Path dir;

  private ScriptEngine engine() {
    ScriptEngine e = new ScriptEngineManager().getEngineByName("tdsl");
    assertNotNull(e, "META-INF/services registers the factory");
    e.getContext().setWriter(new StringWriter());
    return e;
  }

  @Test
  void theManagerFindsTheEngineByNameExtensionAndMimeType() {
    ScriptEngineManager m = new ScriptEngineManager();
    assertInstanceOf(TdslScriptEngine.class, m.getEngineByName("tdsl"));
    assertInstanceOf(TdslScriptEngine.class, m.getEngineByExtension("tdsl"));
    assertInstanceOf(TdslScriptEngine.class, m.getEngineByMimeType("text/x-tdsl"));
    assertEquals("tdsl", m.getEngineByName("tdsl").getFactory().getLanguageName());
    assertNull(m.getEngineByName("tdsl").getFactory().getParameter("THREADING"), "not thread-safe: one call at a time");
  }

  @Test
  void engineBindingsAreTheSessionsVariables() throws Exception {
    ScriptEngine e = engine();
    e.put("x", 2);
    e.put("v", new float[] {1, 2, 3});
    assertEquals(42L, e.eval("y = x * 21\ny"));
    assertEquals(42L, e.get("y"));
    assertEquals(6.0, e.eval("v.sum().item()"));
    Bindings b = e.getBindings(ScriptContext.ENGINE_SCOPE);
    assertTrue(b.containsKey("y"));
    b.remove("y");
    ScriptException gone = assertThrows(ScriptException.class, () -> e.eval("y"));
    assertTrue(gone.getMessage().contains("name 'y' is not defined"), gone.getMessage());
    e.put(ScriptEngine.FILENAME, "named.tdsl");  // not a tdsl name: kept aside, used for messages
    ScriptException named = assertThrows(ScriptException.class, () -> e.eval("1 / 0"));
    assertEquals("named.tdsl", named.getFileName());
  }

  @Test
  void otherBindingsAreCopiedInAndOut() throws Exception {
    ScriptEngine e = engine();
    Bindings mine = new SimpleBindings();
    mine.put("a", 5);
    e.eval("b = a + 1\nt = tensor([1., 2.])", mine);
    assertEquals(6L, mine.get("b"));
    assertArrayEquals(new float[] {1, 2}, ((Tensor) mine.get("t")).toFloatArray());

    ScriptEngineManager m = new ScriptEngineManager();
    m.put("shared", 10);  // GLOBAL_SCOPE fills in names the session lacks
    ScriptEngine e2 = m.getEngineByName("tdsl");
    e2.getContext().setWriter(new StringWriter());
    assertEquals(11L, e2.eval("shared + 1"));
  }

  @Test
  void printGoesToTheContextsWriterAndReadersWork() throws Exception {
    ScriptEngine e = engine();
    StringWriter out = new StringWriter();
    e.getContext().setWriter(out);
    e.eval(new StringReader("print('from a reader', 1 + 1)"));
    assertEquals("from a reader 2\n", out.toString());
  }

  @Test
  void errorsAreScriptExceptionsWithPositionAndTheTdslCause() {
    ScriptEngine e = engine();
    ScriptException se = assertThrows(ScriptException.class, () -> e.eval("x = ones(2, 3)\ny = x @ x"));
    assertEquals(2, se.getLineNumber());
    assertEquals(7, se.getColumnNumber());
    TdslException cause = assertInstanceOf(TdslException.class, se.getCause());
    assertEquals("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", cause.message());
  }

  public interface Model {
    double predict(double x);

    long count();
  }

  @Test
  void functionsAreInvocableAndImplementInterfaces() throws Exception {
    ScriptEngine e = engine();
    e.eval("calls = 0\ndef predict(x) { return 2 * x + 1 }\ndef count() { return 7 }\ndef add(a, b) { return a + b }");
    Invocable inv = (Invocable) e;
    assertEquals(5L, inv.invokeFunction("add", 2, 3));
    assertEquals("ab", inv.invokeFunction("add", "a", "b"));
    assertThrows(NoSuchMethodException.class, () -> inv.invokeFunction("nope"));
    ScriptException bad = assertThrows(ScriptException.class, () -> inv.invokeFunction("add", 1, "x"));
    assertTrue(bad.getMessage().contains("unsupported operand type(s) for +: 'int' and 'str'"), bad.getMessage());

    Model m = inv.getInterface(Model.class);
    assertEquals(7.0, m.predict(3));
    assertEquals(7L, m.count());

    Object net = e.eval("Linear(2, 1)");
    Object params = inv.invokeMethod(net, "parameters");
    assertEquals(2, ((java.util.List<?>) params).size());
    assertThrows(NoSuchMethodException.class, () -> inv.invokeMethod(net, "fly"));
  }

  @Test
  void anEngineAroundAConfiguredSessionKeepsItsSandbox() throws Exception {
    TdslScriptEngine e = new TdslScriptEngine(Session.builder().output(new StringWriter()).fileRoot(dir).build());
    e.eval("save(tensor([1.]), \"ok.safetensors\")");
    ScriptException se = assertThrows(ScriptException.class, () -> e.eval("save(tensor([1.]), \"../escape.safetensors\")"));
    assertTrue(se.getMessage().startsWith("PermissionError: '../escape.safetensors' is outside the session's file roots"),
        se.getMessage());
    ScriptException none = assertThrows(ScriptException.class, () -> engine().eval("load(\"/etc/hostname\")"));
    assertTrue(none.getMessage().contains("PermissionError"), "engines from the manager open no file");
  }
}
