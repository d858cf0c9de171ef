package org.tdsl.interp.pylib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.bind.TdslLibrary;
import org.tdsl.tensor.DrawReplay;
import org.tdsl.tensor.Rng;

/** The module registry import reads, one set of modules per interpreter, and random under replay. */
class PythonLibraryTest {
  private static void run(Interpreter ip, String code) {
    ip.run(code, "t.tdsl", null);
  }

  private static Interpreter interpreter(ByteArrayOutputStream out) {
    return new Interpreter(TdslLibrary.standard(), new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Test
  void everyModuleIsRegisteredByItsDottedNameAndIsTheGlobalOfThatName() {
    Builtins b = TdslLibrary.standard();
    for (String name : List.of("math", "random", "argparse", "time", "os", "os.path", "sys", "collections")) {
      assertNotNull(b.module(name), name);
      assertNotNull(b.help(name.replace("os.path", "os")), "help line for " + name);
    }
    Interpreter ip = new Interpreter(b, new PrintStream(new ByteArrayOutputStream()));
    assertSame(b.module("math"), ip.host().resolve("math"));
    assertSame(b.module("os.path"), ip.getAttr(ip.host().resolve("os"), "path"));
    assertTrue(ip.attributeNames(b.module("math")).contains("sqrt"), "completion sees the members");
    assertEquals("No module named 'numpy': tdsl has no numpy; tensors do its work (torch.tensor(list), t.tolist(), t.item(), "
        + "torch.from_numpy is not there either)", PythonLibrary.unavailable("numpy"));
  }

  @Test
  void eachInterpreterHasItsOwnRandomState() {
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    Interpreter one = interpreter(a);
    Interpreter two = interpreter(b);
    assertNotSame(one.host().resolve("random"), two.host().resolve("random"));
    run(one, "random.seed(0)\n");
    run(two, "random.seed(0)\nx = random.random()\n");
    run(one, "print(random.random())\n");
    assertEquals("0.8444218515250481\n", a.toString(StandardCharsets.UTF_8), "two's draw did not advance one's generator");
  }

  @Test
  void replayedDrawsAnswerRandomUnderTheNamesRecordDrawsWrites() {
    Rng rng = Rng.current();
    rng.replay(new DrawReplay(List.of(
        DrawReplay.Draw.floats("random.random", new int[0], 0.25),
        DrawReplay.Draw.longs("random.randint", new int[0], 7),
        DrawReplay.Draw.longs("random.choice", new int[0], 2),
        DrawReplay.Draw.longs("random.shuffle", new int[] {3}, 2, 0, 1))));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      run(interpreter(out), "x = [10, 20, 30]\nprint(random.random(), random.randint(1, 100), random.choice(x))\nrandom.shuffle(x)\nprint(x)\n");
      assertEquals("0.25 7 30\n[30, 10, 20]\n", out.toString(StandardCharsets.UTF_8));
    } finally {
      rng.replay(null);
    }
  }

  @Test
  void printWritesToAFileOrToStderrGivenAsFile() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Interpreter ip = interpreter(out);
    ip.host().setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    run(ip, "print('warn', 2, file=sys.stderr)\nsys.stderr.write('x')\nprint('out', file=sys.stdout)\nsys.stdout.write('y')\n");
    assertEquals("out\ny", out.toString(StandardCharsets.UTF_8));
    assertEquals("warn 2\nx", err.toString(StandardCharsets.UTF_8));
  }
}
