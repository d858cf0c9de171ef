package org.tdsl.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.nn.Golden;
import org.tdsl.tensor.DType;

class SafeTensorsTest {
  @TempDir Path tmp;

  static List<SafeTensors.Entry> sample() {
    return List.of(
        new SafeTensors.Entry("conv1.weight", DType.FLOAT32, new int[] {2, 1, 2, 2},
            new float[] {1.5f, -2f, 0.25f, 3e-8f, Float.MAX_VALUE, -0f, 7f, 8f}),
        new SafeTensors.Entry("steps", DType.INT64, new int[] {3}, new long[] {Long.MIN_VALUE, 0, 42}),
        new SafeTensors.Entry("mask", DType.BOOL, new int[] {2}, new boolean[] {true, false}),
        new SafeTensors.Entry("scalar", DType.FLOAT32, new int[] {}, new float[] {2.5f}));
  }

  @Test
  void roundTripsEveryDtypeAndMetadata() {
    Path file = tmp.resolve("m.safetensors");
    SafeTensors.write(file, sample(), Map.of("format", "pt"));
    SafeTensors.Contents back = SafeTensors.read(file);
    assertEquals(List.of("conv1.weight", "steps", "mask", "scalar"), List.copyOf(back.tensors().keySet()));
    for (SafeTensors.Entry e : sample()) {
      SafeTensors.Entry r = back.tensors().get(e.name());
      assertEquals(e.dtype(), r.dtype());
      assertArrayEquals(e.shape(), r.shape());
      switch (e.dtype()) {
        case FLOAT32 -> assertArrayEquals((float[]) e.data(), (float[]) r.data());
        case INT64 -> assertArrayEquals((long[]) e.data(), (long[]) r.data());
        case BOOL -> assertArrayEquals((boolean[]) e.data(), (boolean[]) r.data());
      }
    }
    assertEquals(Map.of("format", "pt"), back.metadata());
  }

  @Test
  void layoutIsTheSafetensorsSpec() throws IOException {
    Path file = tmp.resolve("m.safetensors");
    SafeTensors.write(file, sample(), Map.of());
    byte[] bytes = Files.readAllBytes(file);
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    assertEquals(0, n % 8, "header padded to 8 bytes");
    String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
    assertTrue(header.startsWith("{\"conv1.weight\":{\"dtype\":\"F32\",\"shape\":[2,1,2,2],\"data_offsets\":[0,32]}"), header);
    assertTrue(header.contains("\"steps\":{\"dtype\":\"I64\",\"shape\":[3],\"data_offsets\":[32,56]}"), header);
    assertTrue(header.contains("\"mask\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[56,58]}"), header);
    assertEquals(8 + n + 32 + 24 + 2 + 4, bytes.length);
    // first float, little-endian
    assertEquals(1.5f, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getFloat(8 + (int) n));
  }

  @Test
  void readsAFileWrittenByPyTorch() {
    SafeTensors.Contents c = SafeTensors.read(Golden.DIR.resolve("torch_written.safetensors"));
    Map<String, Golden.Array> expected = Golden.arrays("torch_written.txt");
    assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias", "steps", "mask"), List.copyOf(c.tensors().keySet()));
    for (var kv : expected.entrySet()) {
      SafeTensors.Entry e = c.tensors().get(kv.getKey());
      assertArrayEquals(kv.getValue().shape(), e.shape(), kv.getKey());
      if (e.dtype() == DType.FLOAT32) assertArrayEquals(kv.getValue().floats(), (float[]) e.data(), kv.getKey());
      else assertArrayEquals(kv.getValue().longs(), (long[]) e.data(), kv.getKey());
    }
    assertArrayEquals(new boolean[] {true, false, false, true}, (boolean[]) c.tensors().get("mask").data());
    assertEquals(Map.of("format", "pt"), c.metadata());
  }

  @Test
  void truncatedFileIsRejected() throws IOException {
    Path good = tmp.resolve("good.safetensors");
    SafeTensors.write(good, sample(), Map.of());
    byte[] bytes = Files.readAllBytes(good);
    Path cut = tmp.resolve("cut.safetensors");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.read(cut));
    assertTrue(e.getMessage().startsWith(cut + " is not a valid safetensors file: tensor "), e.getMessage());
    assertTrue(e.getMessage().contains("(truncated?)"), e.getMessage());
    Path tiny = tmp.resolve("tiny.safetensors");
    Files.write(tiny, new byte[] {1, 2, 3});
    e = assertThrows(CheckpointException.class, () -> SafeTensors.read(tiny));
    assertEquals(tiny + " is not a valid safetensors file: only 3 bytes, shorter than the 8-byte header length", e.getMessage());
  }

  @Test
  void garbageHeaderIsRejected() throws IOException {
    Path file = tmp.resolve("junk.safetensors");
    byte[] header = "{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(header.length).put(header);
    Files.write(file, b.array());
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.read(file));
    assertTrue(e.getMessage().startsWith(file + " is not a valid safetensors file: bad JSON header"), e.getMessage());
    Files.write(file, new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0, 1, 2});
    e = assertThrows(CheckpointException.class, () -> SafeTensors.read(file));
    assertEquals(file + " is not a valid safetensors file: header length 255 does not fit in a file of 10 bytes", e.getMessage());
  }

  /** A file of a hand-written header and data bytes, as a hostile writer would make it. */
  private Path handMade(String name, String header, int dataBytes) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h);
    Path file = tmp.resolve(name);
    Files.write(file, b.array());
    return file;
  }

  private void refused(Path file, String why) {
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.read(file));
    assertEquals(file + " is not a valid safetensors file: " + why, e.getMessage());
  }

  @Test
  void overlappingGappedOrDuplicateTensorsAreRefusedAsTheSafetensorsLibraryDoes() throws IOException {
    String a = "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";
    refused(handMade("overlap.safetensors", "{" + a + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12),
        "tensor b: data_offsets [4, 12] overlap the previous tensor's bytes (invalid offset)");
    refused(handMade("gap.safetensors", "{" + a + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[9,13]}}", 13),
        "tensor b: data_offsets [9, 13] leave a gap after byte 8 (invalid offset)");
    refused(handMade("tail.safetensors", "{" + a + "}", 12),
        "the tensors account for 8 of the 12 bytes of data (incomplete metadata)");
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> SafeTensors.read(handMade("twice.safetensors", "{" + a + "," + a + "}", 8)));
    assertTrue(e.getMessage().contains("duplicate key \"a\""), e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    Path file = tmp.resolve("nope.safetensors");
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.read(file));
    assertEquals(file + " not found", e.getMessage());
  }

  @Test
  void failedWriteLeavesNoFileBehindAndKeepsTheOldOne() throws IOException {
    Path file = tmp.resolve("keep.safetensors");
    SafeTensors.write(file, sample(), Map.of());
    byte[] before = Files.readAllBytes(file);
    var bad = List.of(sample().get(0), sample().get(0)); // duplicate names: refused before writing
    assertThrows(CheckpointException.class, () -> SafeTensors.write(file, bad, Map.of()));
    assertArrayEquals(before, Files.readAllBytes(file));
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> SafeTensors.write(tmp.resolve("no/such/dir/x.safetensors"), sample(), Map.of()));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }
  }
}
