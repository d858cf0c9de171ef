package org.tdsl.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tdsl.tensor.DrawReplay;
import org.tdsl.tensor.DrawReplay.Draw;

/**
 * Reads a file of recorded random draws (src/test/golden/corpus/record_draws.py writes them):
 * safetensors laid out as in {@link SafeTensors}, one tensor per run of consecutive draws of
 * one kind and shape, named by its position ("00007"), and {@code __metadata__["00007"]} the
 * JSON {@code {"kind": "randn", "shape": [3, 4], "count": 2}}. Values are F32, F64 (Python's
 * random module draws doubles), I64 or BOOL (dropout masks); read apart from SafeTensors,
 * whose tensors have no float64 yet.
 */
public final class DrawFile {
  private DrawFile() {}

  public static DrawReplay read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return new DrawReplay(parse(bytes));
    } catch (RuntimeException e) {
      throw new IOException(file + " is not a file of recorded draws: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Draw> parse(byte[] bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = buf.getLong(0);
    if (headerLength < 2 || 8 + headerLength > bytes.length) throw new IllegalArgumentException("bad header length " + headerLength);
    String text = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
    Map<String, Object> header = (Map<String, Object>) Json.parse(text.strip());
    Map<String, Object> meta = (Map<String, Object>) header.get("__metadata__");
    if (meta == null || !"tdsl-draws/1".equals(meta.get("format"))) throw new IllegalArgumentException("no tdsl-draws/1 __metadata__");
    int dataStart = 8 + (int) headerLength;
    List<Draw> draws = new ArrayList<>();
    List<Map.Entry<String, Object>> runs = new ArrayList<>(header.entrySet());
    runs.sort(Map.Entry.comparingByKey());  // "00000", "00001", ...: the order they were drawn
    for (Map.Entry<String, Object> e : runs) {
      if (e.getKey().equals("__metadata__")) continue;
      Map<String, Object> tensor = (Map<String, Object>) e.getValue();
      Map<String, Object> run = (Map<String, Object>) Json.parse((String) meta.get(e.getKey()));
      String kind = (String) run.get("kind");
      int[] shape = ints((List<Object>) run.get("shape"));
      int count = ((Long) run.get("count")).intValue();
      List<Object> offsets = (List<Object>) tensor.get("data_offsets");
      int begin = dataStart + ((Long) offsets.get(0)).intValue();
      int end = dataStart + ((Long) offsets.get(1)).intValue();
      addRun(draws, kind, shape, count, (String) tensor.get("dtype"), buf, begin, end);
    }
    return draws;
  }

  private static void addRun(List<Draw> draws, String kind, int[] shape, int count, String dtype, ByteBuffer buf, int begin, int end) {
    int n = 1;
    for (int s : shape) n *= s;
    int width = switch (dtype) {
      case "F32" -> 4;
      case "F64", "I64" -> 8;
      case "BOOL" -> 1;
      default -> throw new IllegalArgumentException("draws of dtype " + dtype + " are not supported");
    };
    if ((long) n * count * width != end - begin) {
      throw new IllegalArgumentException(kind + ": " + (end - begin) + " bytes for " + count + " draws of " + n + " " + dtype);
    }
    int at = begin;
    for (int c = 0; c < count; c++) {
      if (dtype.equals("I64")) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++, at += 8) v[i] = buf.getLong(at);
        draws.add(Draw.longs(kind, shape, v));
      } else {
        double[] v = new double[n];
        for (int i = 0; i < n; i++, at += width) {
          v[i] = switch (dtype) {
            case "F32" -> buf.getFloat(at);
            case "F64" -> buf.getDouble(at);
            default -> buf.get(at) != 0 ? 1 : 0;
          };
        }
        draws.add(Draw.floats(kind, shape, v));
      }
    }
  }

  private static int[] ints(List<Object> values) {
    int[] r = new int[values.size()];
    for (int i = 0; i < r.length; i++) r[i] = ((Long) values.get(i)).intValue();
    return r;
  }
}
