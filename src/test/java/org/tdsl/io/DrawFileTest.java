package org.tdsl.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.tensor.DrawReplay;

/** Draw files as record_draws.py writes them: runs expand to single draws, every dtype reads back exactly. */
class DrawFileTest {
  @TempDir Path dir;

  @Test
  void runsExpandIntoDrawsInOrderWithTheirValues() throws IOException {
    Path f = new DrawFileFixture()
        .f32("kaiming_uniform_", new int[] {2, 1}, 1, 0.25f, -0.5f)
        .i64("randperm", new int[] {3}, 2, 2, 0, 1, 1, 2, 0)
        .f64("random.random", new int[] {}, 1, 0.1234567890123)
        .bools("dropout", new int[] {2}, 1, true, false)
        .write(dir.resolve("d.safetensors"));
    DrawReplay r = DrawFile.read(f);
    assertEquals(5, r.size());
    assertArrayEquals(new double[] {0.25, -0.5}, r.take("kaiming_uniform_", new int[] {2, 1}).floats());
    assertArrayEquals(new long[] {2, 0, 1}, r.take("randperm", new int[] {3}).longs());
    assertArrayEquals(new long[] {1, 2, 0}, r.take("randperm", new int[] {3}).longs());
    assertArrayEquals(new double[] {0.1234567890123}, r.take("random.random", new int[] {}).floats());
    assertArrayEquals(new double[] {1, 0}, r.take("dropout", new int[] {2}).floats());
    assertEquals(0, r.remaining());
  }

  @Test
  void aFileOfAnotherKindIsRefusedWithItsName() throws IOException {
    Path f = dir.resolve("other.safetensors");
    Files.write(f, new byte[] {16, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '});
    IOException e = assertThrows(IOException.class, () -> DrawFile.read(f));
    assertTrue(e.getMessage().contains("is not a file of recorded draws"), e.getMessage());
  }

  /** The corpus's own files, written by Python, read back. */
  @Test
  void aCorpusRecordingReads() throws IOException {
    DrawReplay r = DrawFile.read(Path.of("src/test/resources/corpus/dynamic_net/draws.safetensors"));
    assertEquals(206, r.size());
    assertEquals(8, r.take("kaiming_uniform_", new int[] {8, 1}).floats().length);
  }
}
