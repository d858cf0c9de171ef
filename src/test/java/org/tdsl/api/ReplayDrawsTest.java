package org.tdsl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.io.DrawFile;
import org.tdsl.io.DrawFileFixture;
import org.tdsl.tensor.DrawReplay;

/** Session.Builder.replayDraws: a program's draws (creation, layer init, fillers, dropout) come from a recording. */
class ReplayDrawsTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();

  private Session session(DrawReplay draws) {
    return Session.builder().output(out).replayDraws(draws).build();
  }

  @Test
  void layersFillersAndDropoutTakeTheRecordedValues() throws IOException {
    DrawReplay draws = DrawFile.read(new DrawFileFixture()
        .f32("kaiming_uniform_", new int[] {1, 2}, 1, 0.5f, -0.25f)
        .f32("uniform_", new int[] {1}, 1, 0.125f)
        .f32("normal_", new int[] {1, 2}, 1, 3f, 4f)
        .f32("randn", new int[] {2}, 1, 1f, 2f)
        .bools("dropout", new int[] {2}, 1, false, true)
        .write(dir.resolve("d.safetensors")));
    try (Session s = session(draws)) {
      s.eval("""
          lin = Linear(2, 1)
          print(lin.weight.tolist(), lin.bias.tolist())
          lin.weight.data.normal_(0, 0.01)
          print(lin.weight.tolist())
          x = randn(2)
          print(x.tolist(), dropout(x, 0.5).tolist())
          """);
    }
    assertEquals("[[0.5, -0.25]] [0.125]\n[[3.0, 4.0]]\n[1.0, 2.0] [0.0, 4.0]\n", out.toString());
    assertEquals(0, draws.remaining());
  }

  @Test
  void aDrawOutOfOrderIsALocatedError() throws IOException {
    DrawReplay draws = DrawFile.read(new DrawFileFixture()
        .f32("randn", new int[] {3}, 1, 1f, 2f, 3f)
        .write(dir.resolve("d.safetensors")));
    try (Session s = session(draws)) {
      TdslException e = assertThrows(TdslException.class, () -> s.eval("a = 1\nx = rand(3)", "prog.tdsl"));
      assertEquals(2, e.line());
      assertTrue(e.message().contains("random draw 1 of 1 does not match the recording: this program draws rand of shape [3] here,"
          + " the recorded program drew randn of shape [3]"), e.message());
      assertTrue(e.formatted().contains("x = rand(3)"), e.formatted());
    }
  }

  @Test
  void argvIsTheProgramsArgv() {
    try (Session s = Session.builder().output(out).argv(java.util.List.of("main.py", "--epochs", "1")).build()) {
      assertEquals(java.util.List.of("main.py", "--epochs", "1"), s.eval("argv"));
    }
  }
}
