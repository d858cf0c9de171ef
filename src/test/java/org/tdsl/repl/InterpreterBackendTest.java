package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Interpreter;

class InterpreterBackendTest {
  @TempDir Path dir;
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  final InterpreterBackend backend = new InterpreterBackend(Interpreter::new, out);

  private String printed() {
    String s = bytes.toString(StandardCharsets.UTF_8);
    bytes.reset();
    return s;
  }

  @Test
  void echoesExpressionStatementsButNotNone() {
    ReplBackend.Outcome o = backend.run("x = [1, 2]\nx\nprint('hi')\nNone\nlen(x), x[0] != 2");
    assertNull(o.error());
    assertEquals("[1, 2]\nhi\n(2, True)\n", printed());
  }

  @Test
  void anErrorIsAValueAndStateSurvivesIt() {
    backend.run("a = 5");
    ReplBackend.Outcome o = backend.run("a + zzz");
    assertEquals("error: <stdin>:1:5: name 'zzz' is not defined\n    1 | a + zzz\n      |     ^", o.error());
    backend.run("a + 1");
    assertEquals("6\n", printed());
  }

  @Test
  void onlyABlockThatAClauseCanContinueWaitsForMore() {
    assertTrue(backend.isComplete("def f() { return 1 }"));
    assertTrue(backend.isComplete("with no_grad() { y = 1 }"));
    assertTrue(backend.isComplete("if True { print(1) } else { print(2) }"));
    assertFalse(backend.isComplete("if True { print(1) }"));
    assertFalse(backend.isComplete("for i in range(2) { print(i) }"), "for ... else");
    assertFalse(backend.isComplete("try { x = 1 }"), "except or finally must follow");
    assertFalse(backend.isComplete("try { x = 1 } except ValueError { y = 1 }"));
    assertTrue(backend.isComplete("try { x = 1 } finally { y = 1 }"));
    assertTrue(backend.isComplete("def f(): return 1"));
    assertFalse(backend.isComplete("if x: y"));
  }

  @Test
  void aMistakeInsideAnOpenBlockIsReportedAtOnce() {
    assertTrue(backend.isComplete("def f() {\n  x = = 1"));
    assertTrue(backend.isComplete("def f():\n    x = = 1"));
    assertFalse(backend.isComplete("def f() {\n  x = 1"));
  }

  @Test
  void indentedSuitesEndWithABlankLine() {
    assertFalse(backend.isComplete("if x:"));
    assertFalse(backend.isComplete("for i in range(3):\n    print(i)"));
    assertTrue(backend.isComplete("for i in range(3):\n    print(i)\n"));
    assertTrue(backend.isComplete("for i in range(3):\n    print(i)\n    "), "a line of indentation only is blank");
    assertFalse(backend.isComplete("def f():\n    x = 1\n\n    return x"), "a blank line inside a pasted body");
  }

  @Test
  void aPastedCellRunsTheStatementsBeforeASyntaxError() {
    ReplBackend.Outcome o = backend.run("a = 1\nprint(a)\nif a:\n    b = = 2\nc = 3");
    assertTrue(o.error().startsWith("error: <stdin>:4:9: expected an expression"), o.error());
    assertEquals("1\n", printed());
    backend.run("a + 1");
    assertEquals("2\n", printed());
  }

  @Test
  void completenessComesFromTheParser() {
    assertFalse(backend.isComplete("def f(x) {"));
    assertFalse(backend.isComplete("y = [1,\n"));
    assertTrue(backend.isComplete("def f(x) {\n\n  return x\n}"), "nothing can follow a def's block");
    assertFalse(backend.isComplete("if x {\n\n  y\n}"), "else may follow an if's block");
    assertTrue(backend.isComplete("if x {\n\n  y\n}\n"), "an empty line ends it");
    assertTrue(backend.isComplete("if x { 1 }\n  "));
    assertFalse(backend.isComplete("for i in x {\n\n"), "blank lines inside a block do not end it");
    assertTrue(backend.isComplete("y = 1"));
  }

  @Test
  void cancelStopsARunningLoopFromAnotherThread() throws Exception {
    backend.run("n = 0");
    CompletableFuture<ReplBackend.Outcome> running = CompletableFuture.supplyAsync(() -> backend.run("while True { n += 1 }"));
    Thread.sleep(300);
    backend.cancel();
    ReplBackend.Outcome o = running.get(10, TimeUnit.SECONDS);
    assertTrue(o.error().startsWith("error: <stdin>:1:"), o.error());
    assertTrue(o.error().contains("KeyboardInterrupt"), o.error());
    backend.run("n > 0");
    assertEquals("True\n", printed());
  }

  @Test
  void namesAreTheUsersGlobals() {
    backend.run("weights = 1\ndef step() { return 2 }");
    backend.attributes("weights");  // reading a value for completion leaves no trace
    List<String> names = backend.names();
    assertTrue(names.containsAll(List.of("weights", "step")), names.toString());
    assertFalse(names.contains("print"));
    assertFalse(names.stream().anyMatch(n -> n.contains("probe")), names.toString());
  }

  @Test
  void builtinsAreTheInterpretersTable() {
    Interpreter reference = new Interpreter(out);
    List<ReplBackend.BuiltinInfo> table = backend.builtins();
    for (Builtin b : reference.builtins().functions()) {
      assertTrue(table.contains(new ReplBackend.BuiltinInfo(b.name(), b.signature(), b.help())), b.name());
    }
    ReplBackend.BuiltinInfo print = table.stream().filter(b -> b.name().equals("print")).findFirst().orElseThrow();
    assertTrue(Signatures.keywordNames(print.signature()).containsAll(List.of("sep", "end")), print.signature());
  }

  @Test
  void attributesOfTheValueANameHolds() {
    backend.run("l = [3, 1]\nd = {'lr': 0.1}");
    assertTrue(backend.attributes("l").containsAll(List.of("append", "sort", "pop")), backend.attributes("l").toString());
    assertTrue(backend.attributes("d").containsAll(List.of("keys", "items")), backend.attributes("d").toString());
    assertEquals(List.of(), backend.attributes("missing"));
  }

  @Test
  void variablesResetAndLoad() throws Exception {
    backend.run("a = 1\nb = 'two'\ndef f() { return 3 }");
    List<ReplBackend.VarInfo> vars = backend.variables();
    assertTrue(vars.contains(new ReplBackend.VarInfo("a", "int", "", "", "")), vars.toString());
    assertTrue(vars.contains(new ReplBackend.VarInfo("b", "str", "", "", "")), vars.toString());
    assertTrue(vars.contains(new ReplBackend.VarInfo("f", "function", "", "", "")), vars.toString());
    backend.reset();
    assertEquals(List.of(), backend.variables());
    Path file = dir.resolve("lib.tdsl");
    Files.writeString(file, "c = 40\nc + 2\nprint(c)\n");
    assertNull(backend.load(file).error());
    assertEquals("40\n", printed(), "a loaded file runs as a script: no echo");
    assertTrue(backend.names().contains("c"));
    assertTrue(backend.load(dir.resolve("nope.tdsl")).error().contains("No such file or directory"));
  }

  @Test
  void keywordArgumentsComeFromTheCalledValueItself() {
    InterpreterBackend full = new InterpreterBackend(o -> new Interpreter(org.tdsl.interp.bind.TdslLibrary.standard(), o), out);
    full.run("z = ones(2, 3)\ndef f(a, b=1, *, c=2) { return a }");
    assertEquals(List.of("dim", "keepdim", "dtype"), full.keywordNames("z.sum"), "the tensor method, not Python's sum");
    assertEquals(List.of("a", "b", "c"), full.keywordNames("f"));
    assertEquals(List.of(), full.keywordNames("nope"));
    var names = new TdslCompleter(full, dir).candidates("z.sum(ke", 8).stream().map(c -> c.value()).toList();
    assertTrue(names.contains("keepdim="), names.toString());
    assertFalse(names.contains("start="), names.toString());
  }
}
