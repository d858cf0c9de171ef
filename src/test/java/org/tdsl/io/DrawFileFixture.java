package org.tdsl.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes draw files in record_draws.py's layout, for tests: runs added in order, then {@link #write}. */
public final class DrawFileFixture {
  private record Run(String kind, int[] shape, int count, String dtype, byte[] data) {}

  private final List<Run> runs = new ArrayList<>();

  /** count draws of kind, each of shape, values row-major one draw after another. */
  public DrawFileFixture f32(String kind, int[] shape, int count, float... values) {
    ByteBuffer b = buffer(values.length * 4);
    for (float v : values) b.putFloat(v);
    return add(kind, shape, count, "F32", b);
  }

  public DrawFileFixture f64(String kind, int[] shape, int count, double... values) {
    ByteBuffer b = buffer(values.length * 8);
    for (double v : values) b.putDouble(v);
    return add(kind, shape, count, "F64", b);
  }

  public DrawFileFixture i64(String kind, int[] shape, int count, long... values) {
    ByteBuffer b = buffer(values.length * 8);
    for (long v : values) b.putLong(v);
    return add(kind, shape, count, "I64", b);
  }

  public DrawFileFixture bools(String kind, int[] shape, int count, boolean... values) {
    ByteBuffer b = buffer(values.length);
    for (boolean v : values) b.put((byte) (v ? 1 : 0));
    return add(kind, shape, count, "BOOL", b);
  }

  private static ByteBuffer buffer(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }

  private DrawFileFixture add(String kind, int[] shape, int count, String dtype, ByteBuffer b) {
    runs.add(new Run(kind, shape, count, dtype, b.array()));
    return this;
  }

  public Path write(Path file) throws IOException {
    StringBuilder header = new StringBuilder("{");
    StringBuilder meta = new StringBuilder("\"__metadata__\":{\"format\":\"tdsl-draws/1\"");
    long offset = 0;
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      String name = String.format("%05d", i);
      header.append('"').append(name).append("\":{\"dtype\":\"").append(r.dtype()).append("\",\"shape\":[")
          .append(r.data().length).append("],\"data_offsets\":[").append(offset).append(',')
          .append(offset + r.data().length).append("]},");
      String run = "{\"kind\": \"" + r.kind() + "\", \"shape\": " + Arrays.toString(r.shape()) + ", \"count\": " + r.count() + "}";
      meta.append(",\"").append(name).append("\":\"").append(run.replace("\"", "\\\"")).append('"');
      offset += r.data().length;
    }
    header.append(meta).append("}}");
    byte[] text = header.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (text.length + 7) / 8 * 8;
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(buffer(8).putLong(padded).array());
      out.write(text);
      out.write(" ".repeat(padded - text.length).getBytes(StandardCharsets.US_ASCII));
      for (Run r : runs) out.write(r.data());
    }
    return file;
  }
}
