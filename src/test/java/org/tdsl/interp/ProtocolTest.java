package org.tdsl.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdsl.syntax.BinOp;

/** Foreign values reach the interpreter only through a registered Protocol. */
class ProtocolTest {
  /** A stand-in for a tensor: a mutable box holding a number. */
  static final class Box {
    double v;

    Box(double v) {
      this.v = v;
    }
  }

  static final class BoxError extends RuntimeException {
    BoxError(String m) {
      super(m);
    }
  }

  static final class BoxProtocol implements Protocol<Box> {
    @Override
    public Object binary(Box self, BinOp op, Object other, boolean reflected) {
      double o = other instanceof Box b ? b.v : Values.toDouble(other);
      if (op == BinOp.MATMUL) throw new BoxError("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)");
      return switch (op) {
        case MUL -> new Box(self.v * o);
        case SUB -> new Box(reflected ? o - self.v : self.v - o);
        default -> UNSUPPORTED;
      };
    }

    @Override
    public Object inplace(Box self, BinOp op, Object other) {
      if (op != BinOp.ADD) return UNSUPPORTED;
      self.v += Values.toDouble(other);
      return self;
    }

    @Override
    public Object getItem(Box self, Object index) {
      return Values.repr(index);
    }

    @Override
    public Object getAttr(Box self, String name) {
      return name.equals("item") ? new Builtin("item", "item()", "", a -> self.v) : UNSUPPORTED;
    }

    @Override
    public List<String> attributeNames(Box self) {
      return List.of("item");
    }

    @Override
    public String repr(Box self) {
      return "box(" + PyFormat.repr(self.v) + ")";
    }

    @Override
    public Object enter(Box self) {
      self.v = -1;
      return self;
    }

    @Override
    public void exit(Box self, Throwable error) {
      self.v = 99;
    }
  }

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Interpreter ip;

  ProtocolTest() {
    Builtins b = Builtins.standard();
    b.registerProtocol(Box.class, new BoxProtocol());
    b.registerUserError(BoxError.class);
    b.register("box", "box(v=0.0)", "A box.", a -> new Box(a.getDouble("v")));
    ip = new Interpreter(b, new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  private String run(String code) {
    ip.run(code, "t.tdsl", Path.of("."));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void operatorsReflectedAndInPlace() {
    assertEquals("box(6.0) box(-1.0) box(3.0) True\n",
        run("b = box(3)\nc = b\nc += 2\nprint(2 * box(3), 4 - b, box(3), c is b)"));
  }

  @Test
  void indexItemsArriveAsInterpreterValues() {
    assertEquals("(slice(None, None, None), slice(1, 3, None)) (Ellipsis, -1) None 0\n",
        run("b = box()\nprint(b[:, 1:3], b[..., -1], b[None], b[0])"));
  }

  @Test
  void methodsFormatAndWith() {
    assertEquals("2.50 -1.0 99.0\n",
        run("b = box(2.5)\nprint(f\"{b.item():.2f}\", end=\" \")\nwith b as x { print(x.item(), end=\" \") }\nprint(b.item())"));
  }

  @Test
  void userErrorsGetThePositionOfTheOperator() {
    TdslError e = assertThrows(TdslError.class, () -> run("a = box()\nx = a @ a\n"));
    assertEquals("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", e.getMessage());
    assertEquals(2, e.pos().line());
    assertEquals(7, e.pos().col());
    TdslError attr = assertThrows(TdslError.class, () -> run("box().iten()"));
    assertEquals("'Box' object has no attribute 'iten'. Did you mean: 'item'?", attr.getMessage());
  }

  @Test
  void replEchoesReprAndKnowsWhenInputIsIncomplete() {
    ip.runInteractive("x = 1\nx, 'a'\nNone\n[x]", "<stdin>");
    assertEquals("(1, 'a')\n[1]\n", bytes.toString(StandardCharsets.UTF_8));
    assertFalse(Interpreter.isComplete("def f(a) {"));
    assertFalse(Interpreter.isComplete("x = (1 +"));
    assertFalse(Interpreter.isComplete("x = 1 +"));
    assertFalse(Interpreter.isComplete("s = \"\"\"doc"));
    assertFalse(Interpreter.isComplete("if x { y }"), "an else may follow: a blank line ends it");
    assertTrue(Interpreter.isComplete("x = 1"));
    assertTrue(Interpreter.isComplete("x = )"));
    assertTrue(ip.host().names().contains("x"));
    assertTrue(ip.host().names().contains("print"));
  }

  @Test
  void cancelStopsALoopFromAnotherThread() throws Exception {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException ignored) {
        // stop early
      }
      ip.host().cancel();
    });
    t.start();
    TdslError e = assertThrows(TdslError.class, () -> run("while True { }"));
    assertEquals("KeyboardInterrupt", e.getMessage());
    t.join();
  }

  @Test
  void aSmallJavaStackStillGivesPythonsRecursionError() throws Exception {
    TdslError[] caught = new TdslError[1];
    Thread t = new Thread(null, () -> {
      try {
        run("def f(n) { return f(n + 1) }\nf(0)");
      } catch (TdslError e) {
        caught[0] = e;
      }
    }, "small-stack", 256 * 1024);
    t.start();
    t.join();
    assertEquals("maximum recursion depth exceeded", caught[0].getMessage());
    assertEquals(1, caught[0].pos().line());
  }
}
