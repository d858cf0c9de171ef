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
    assertEquals("error: <stdin#2>:1:5: name 'zzz' is not defined\n    1 | a + zzz\n      |     ^", o.error());
    backend.run("a + 1");
    assertEquals("6\n", printed());
  }

  private InterpreterBackend full() {
    return new InterpreterBackend(o -> new Interpreter(org.tdsl.interp.bind.TdslLibrary.standard(), o), out);
  }

  @Test
  void eachInputHasItsNameSoATracebackShowsTheLineOfAnEarlierInput() {
    backend.run("x = 1");
    backend.run("def f(x) {\n  return x + zz\n}\n");
    ReplBackend.Outcome o = backend.run("f(1)");
    assertEquals("error: <stdin#2>:2:14: name 'zz' is not defined\n    2 |   return x + zz\n      |              ^\n"
        + "  in f (<stdin#2>:2), called from <stdin#3>:1", o.error());
    assertEquals(List.of(new ReplBackend.Input(1, "x = 1", true), new ReplBackend.Input(2, "def f(x) {\n  return x + zz\n}\n", true),
        new ReplBackend.Input(3, "f(1)", false)), backend.history());
  }

  @Test
  void underscoreIsTheLastResultShown() {
    backend.run("6 * 7");
    backend.run("None");
    backend.run("print(_ + 1)");
    assertEquals("42\n43\n", printed());
    assertFalse(backend.variables().stream().anyMatch(v -> v.name().equals("_")), "not a variable of the user's");
  }

  @Test
  void exitAloneSaysHowToLeaveAndExitCalledLeaves() {
    backend.run("exit");
    backend.run("quit");
    assertEquals("Use exit() or Ctrl-D (i.e. EOF) to exit\nUse quit() or Ctrl-D (i.e. EOF) to exit\n", printed());
    assertEquals(new ReplBackend.Outcome(null, null, 0), backend.run("print(1)\nexit()\nprint(2)"));
    assertEquals(new ReplBackend.Outcome(null, null, 3), backend.run("quit(3)"));
    assertEquals(new ReplBackend.Outcome(null, "bye", 1), backend.run("exit('bye')"));
    assertEquals("1\n", printed());
  }

  @Test
  void tapeErrorsPointIntoWhatWasTyped() {
    InterpreterBackend full = full();
    ReplBackend.Outcome o = full.tape("nope");
    assertEquals("error: <stdin#1>:1:1: name 'nope' is not defined. Did you mean: 'None'?\n    1 | nope\n      | ^", o.error());
    full.run("w = ones(2, requires_grad=True)\ny = (w * 2).sum()");
    assertNull(full.tape("y").error());
    assertTrue(printed().contains("#1 SumBackward0 [] <- #2"));
  }

  @Test
  void helpDescribesWhatANameOrPathLeadsTo() {
    InterpreterBackend full = full();
    full.run("a = ones(2, 3)\nnet = nn.Sequential(nn.Linear(2, 3))\nn = 5");
    String sum = full.help("sum");
    assertTrue(sum.startsWith("sum(iterable, start=0)\n") && sum.contains("\nTensor.sum(dim=None, keepdim=False, *, dtype=None, keepdims=None)\n"), sum);
    assertTrue(full.help("F.relu").startsWith("relu(input"), full.help("F.relu"));
    assertTrue(full.help("a.sum").startsWith("Tensor.sum(dim=None, keepdim=False"), full.help("a.sum"));
    assertTrue(full.help("Tensor.sum").contains("Tensor.sum(dim=None, keepdim=False"), full.help("Tensor.sum"));
    assertEquals("Tensor, shape (2, 3), dtype torch.float32, requires_grad=False\ntensor([[1., 1., 1.],\n        [1., 1., 1.]])", full.help("a"));
    assertEquals("int\n5", full.help("n"));
    assertTrue(full.help("net[0]").startsWith("Linear\nLinear(in_features=2, out_features=3, bias=True)"), full.help("net[0]"));
    assertNull(full.help("nope"));
    assertNull(full.help("a.sum()"), "help never calls anything");
  }

  @Test
  void completionReadsIndexedPathsAndALayerIsNoList() {
    InterpreterBackend full = full();
    full.run("net = nn.Sequential(nn.Linear(2, 3), nn.ReLU())\nt = ones(2)\nn = 1");
    List<String> layer = new TdslCompleter(full, dir).candidates("net[0].", 7).stream().map(c -> c.value()).toList();
    assertTrue(layer.containsAll(List.of("weight", "bias", "forward")), layer.toString());
    assertFalse(layer.contains("append"), layer.toString());
    assertTrue(full.attributes("net").contains("append"), "a Sequential appends");
    assertEquals(List.of("t"), new TdslCompleter(full, dir).candidates(":tape ", 6).stream().map(c -> c.value()).toList());
    assertTrue(full.keywordNames("net[0].forward").contains("input"));
  }

  @Test
  void timeitRepeatsAStatementParsedOnce() {
    InterpreterBackend full = full();
    full.run("n = 0\ndef bump() { n = n + 1 }");
    ReplBackend.Repeated r = full.repeatable("x = 2 + 3");
    assertNull(r.first().error());
    assertEquals(ReplBackend.Outcome.NOTHING, r.again().apply(1000));
    assertFalse(full.names().stream().anyMatch(n -> n.contains("timeit")), full.names().toString());
    ReplBackend.Repeated bad = full.repeatable("zz + 1");
    assertTrue(bad.first().error().startsWith("error: <stdin#3>:1:1: name 'zz' is not defined"), bad.first().error());
    assertNull(bad.again());
    assertEquals(":timeit x = 2 + 3", full.history().get(1).text());
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
    assertTrue(o.error().startsWith("error: <stdin#1>:4:9: expected an expression"), o.error());
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
    assertTrue(o.error().startsWith("error: <stdin#2>:1:"), o.error());
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
    assertTrue(vars.contains(new ReplBackend.VarInfo("a", "int", "", "", "", "1")), vars.toString());
    assertTrue(vars.contains(new ReplBackend.VarInfo("b", "str", "", "", "", "'two'")), vars.toString());
    assertTrue(vars.contains(new ReplBackend.VarInfo("f", "function", "", "", "", "")), vars.toString());
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
    assertEquals(List.of("dim", "keepdim", "dtype", "keepdims"), full.keywordNames("z.sum"), "the tensor method, not Python's sum");
    assertEquals(List.of("a", "b", "c"), full.keywordNames("f"));
    assertEquals(List.of(), full.keywordNames("nope"));
    var names = new TdslCompleter(full, dir).candidates("z.sum(ke", 8).stream().map(c -> c.value()).toList();
    assertTrue(names.contains("keepdim="), names.toString());
    assertFalse(names.contains("start="), names.toString());
  }
}
