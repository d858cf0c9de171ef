package org.tdsl.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.tensor.Tensor;

/** A session from Java: code in, values both ways, functions called, output, errors. */
class SessionTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();

  private Session session() {
    return Session.builder().output(out).build();
  }

  /** The example in README.md and docs/EMBEDDING.md, as written there. */
  @Test
  void theReadmeExampleComputesWhatItSays() {
    Writer writer = out;
    try (Session tdsl = Session.builder().output(writer).fileRoot(dir).build()) {
      tdsl.set("x", Tensors.of(new float[] {1, 2, 3}, 3));
      tdsl.eval("""
          w = tensor([0.5, -1., 2.], requires_grad=True)
          loss = ((w * x).sum() - 1) ** 2
          loss.backward()
          """);
      float[] grad = Tensors.grad(tdsl.get("w", Tensor.class));
      assertArrayEquals(new float[] {7, 14, 21}, grad);
    }
  }

  @Test
  void exitStopsTheProgramNotTheHost() {
    Session s = session();
    assertNull(s.eval("a = 1\nexit()\na = 2"));
    assertEquals(1L, s.eval("a"), "exit() stopped the program where it stood; the session lives on");
    TdslException e = org.junit.jupiter.api.Assertions.assertThrows(TdslException.class, () -> s.eval("exit(4)"));
    assertTrue(e.getMessage().contains("SystemExit: 4"), e.getMessage());
    assertEquals(2L, s.eval("a + 1"));
  }

  @Test
  void evalReturnsTheLastExpressionAndKeepsGlobals() {
    Session s = session();
    assertNull(s.eval("a = 20"));
    assertEquals(42L, s.eval("a * 2 + 2"));
    assertEquals(2.5, s.eval("a / 8"));
    assertEquals("ab", s.eval("'a' + 'b'"));
    assertEquals(true, s.eval("a > 1"));
    assertNull(s.eval("x = 1\nprint(x)"), "a last statement that is not an expression gives null");
  }

  @Test
  void variablesCrossInBothDirections() {
    Session s = session();
    s.set("n", 3);
    s.set("f", 1.5f);
    s.set("name", "tdsl");
    s.set("items", List.of(1, 2.0, "three", List.of(4)));
    s.set("cfg", Map.of("lr", 0.1));
    s.set("v", new float[] {1, 2, 3});
    s.set("ids", new long[] {7, 8});
    assertEquals(true, s.eval("isinstance(n, int) and isinstance(f, float) and isinstance(name, str)"
        + " and isinstance(items, list) and isinstance(cfg, dict)"));
    assertEquals(6.0, s.eval("v.sum().item()"));
    assertEquals("tensor([7, 8])", s.eval("str(ids)"));
    assertEquals("tdsl!", s.eval("name + '!'"));
    assertEquals(0.1, s.eval("cfg['lr']"));
    assertEquals(List.of(1L, 2.0, "three", List.of(4L)), s.get("items"));

    s.eval("out = [n * 2, f, (1, 2)]\nd = {'k': [1]}\nt = tensor([[1., 2.], [3., 4.]], requires_grad=True)");
    assertEquals(List.of(6L, 1.5, List.of(1L, 2L)), s.get("out"));
    assertEquals(Map.of("k", List.of(1L)), s.get("d"));
    Tensor t = s.get("t", Tensor.class);
    assertArrayEquals(new int[] {2, 2}, t.shape());
    assertTrue(t.requiresGrad());
    assertArrayEquals(new float[] {1, 2, 3, 4}, s.get("t", float[].class));
    assertEquals(3.0, s.get("n", Double.class));
    assertEquals(3, s.get("n", Integer.class));
    assertThrows(ClassCastException.class, () -> s.get("t", Double.class), "a 4-element tensor is no number");
  }

  @Test
  void aTensorSetFromJavaIsTheSameObjectInTdsl() {
    Session s = session();
    Tensor w = Tensors.parameter(new float[] {1, 2}, 2);
    s.set("w", w);
    s.eval("(w * w).sum().backward()");
    assertArrayEquals(new float[] {2, 4}, Tensors.grad(w));
    assertTrue(s.get("w") == w);
  }

  @Test
  void unboundNamesAndWrongTypesSayWhat() {
    Session s = session();
    TdslException e = assertThrows(TdslException.class, () -> s.get("nope"));
    assertEquals("NameError: name 'nope' is not defined", e.message());
    s.set("word", "hi");
    ClassCastException c = assertThrows(ClassCastException.class, () -> s.get("word", Tensor.class));
    assertTrue(c.getMessage().contains("'word' is a str"), c.getMessage());
    assertTrue(s.has("word"));
    assertTrue(s.remove("word"));
    assertFalse(s.has("word"));
  }

  @Test
  void tdslFunctionsAreCalledWithPositionalAndKeywordArguments() {
    Session s = session();
    s.eval("def scale(x, k=2, *, shift=0) { return x * k + shift }");
    assertEquals(6L, s.call("scale", 3));
    assertEquals(9L, s.call("scale", 3, 3));
    assertEquals(19L, s.call("scale", List.of(3), Map.of("k", 5, "shift", 4)));
    Object t = s.call("scale", new float[] {1, 2}, 0.5);
    assertArrayEquals(new float[] {0.5f, 1f}, ((Tensor) t).toFloatArray());
    TdslException e = assertThrows(TdslException.class, () -> s.call("scale"));
    assertTrue(e.message().contains("missing 1 required positional argument: 'x'"), e.message());
  }

  @Test
  void printGoesToTheHostsWriterAndCanBeRedirected() {
    Session s = session();
    s.eval("print('héllo', 1, tensor([1., 2.]))");
    assertEquals("héllo 1 tensor([1., 2.])\n", out.toString());
    StringWriter other = new StringWriter();
    s.setOutput(other);
    s.eval("print('second')");
    assertEquals("second\n", other.toString());
    assertEquals("héllo 1 tensor([1., 2.])\n", out.toString());
  }

  @Test
  void warningsGoToTheHostsErrorWriter() {
    StringWriter err = new StringWriter();
    Session s = Session.builder().output(out).errorOutput(err).build();
    s.eval("x = ones(2, requires_grad=True)\ny = x * 2\ng = y.grad", "warn.tdsl");
    assertTrue(err.toString().startsWith("warn.tdsl:3: UserWarning: The .grad attribute of a Tensor that is not a leaf"),
        err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void aRuntimeErrorCarriesFileLineColumnMessageAndTraceback() {
    Session s = session();
    String src = """
        def inner(a) {
          return a @ ones(3, 2)
        }
        def outer(a) {
          return inner(a)
        }
        outer(ones(2, 2))
        """;
    TdslException e = assertThrows(TdslException.class, () -> s.eval(src, "model.tdsl"));
    assertEquals(TdslException.Kind.RUNTIME, e.kind());
    assertEquals("model.tdsl", e.file());
    assertEquals(2, e.line());
    assertEquals(12, e.column());
    assertEquals("mat1 and mat2 shapes cannot be multiplied (2x2 and 3x2)", e.message());
    assertEquals(List.of(new TdslException.Frame("inner", "model.tdsl", 5), new TdslException.Frame("outer", "model.tdsl", 7)),
        e.traceback());
    assertEquals("model.tdsl:2:12: mat1 and mat2 shapes cannot be multiplied (2x2 and 3x2)", e.getMessage());
    assertTrue(e.formatted().startsWith("error: model.tdsl:2:12: mat1"), e.formatted());
    assertTrue(e.formatted().contains("    2 |   return a @ ones(3, 2)\n      |            ^"), e.formatted());
  }

  @Test
  void syntaxErrorsAreTheirOwnKind() {
    TdslException e = assertThrows(TdslException.class, () -> session().eval("x = (1 +", "bad.tdsl"));
    assertEquals(TdslException.Kind.SYNTAX, e.kind());
    assertEquals("bad.tdsl", e.file());
    assertEquals(1, e.line());
  }

  @Test
  void theSessionStaysUsableAfterAnError() {
    Session s = session();
    s.eval("x = 1");
    assertThrows(TdslException.class, () -> s.eval("y = undefined_name"));
    assertEquals(2L, s.eval("x + 1"));
  }

  @Test
  void evalOfAFileImportsRelativeToItWhenItsDirectoryIsARoot() throws Exception {
    Files.writeString(dir.resolve("lib.tdsl"), "def twice(x) { return 2 * x }\n");
    Files.writeString(dir.resolve("main.tdsl"), "import \"lib.tdsl\"\nresult = twice(21)\nprint(result)\n");
    Session s = Session.builder().output(out).fileRoot(dir).build();
    s.eval(dir.resolve("main.tdsl"));
    assertEquals(42L, s.get("result"));
    assertEquals("42\n", out.toString());

    TdslException missing = assertThrows(TdslException.class, () -> s.eval(dir.resolve("nope.tdsl")));
    assertTrue(missing.message().contains("No such file"), missing.message());
  }

  @Test
  void javaFunctionsAreCallableFromTdsl() {
    Session s = session();
    s.set("scale", (JavaFunction) args -> {
      float[] v = ((Tensor) args.get(0)).toFloatArray();
      long k = (Long) args.get(1);
      for (int i = 0; i < v.length; i++) v[i] *= k;
      return v;
    });
    s.set("names", (JavaFunction) args -> List.of("a", "b", args.size()));
    s.eval("print(scale(tensor([1., 2.]), 3), names(1, 2), scale)");
    assertEquals("tensor([3., 6.]) ['a', 'b', 2] <java function scale>\n", out.toString());

    s.set("fails", (JavaFunction) args -> { throw new IllegalStateException("no data for " + args.get(0)); });
    TdslException e = assertThrows(TdslException.class, () -> s.eval("def f() {\n  return fails('x')\n}\nf()", "host.tdsl"));
    assertEquals("IllegalStateException: no data for x", e.message());
    assertEquals(2, e.line(), "the error points at the line that called the Java function");
    assertEquals("host.tdsl", e.file());
    TdslException k = assertThrows(TdslException.class, () -> s.eval("names(a=1)"));
    assertEquals("names() takes no keyword arguments", k.message());
  }
}
