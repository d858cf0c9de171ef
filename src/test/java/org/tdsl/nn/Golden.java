package org.tdsl.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the files src/test/golden/nn/generate.py wrote with PyTorch. */
public final class Golden {
  public static final Path DIR = Path.of("src/test/golden/nn");

  /** A tensor from a golden file: its shape and values (floats as doubles, ints as longs). */
  public record Array(String dtype, int[] shape, double[] values) {
    public float[] floats() {
      float[] f = new float[values.length];
      for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
      return f;
    }

    public long[] longs() {
      long[] l = new long[values.length];
      for (int i = 0; i < l.length; i++) l[i] = (long) values[i];
      return l;
    }
  }

  private Golden() {}

  public static Map<String, Array> arrays(String file) {
    Map<String, Array> out = new LinkedHashMap<>();
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("@")) continue;
      String[] head = line.substring(1).split(" ");
      int[] shape = new int[head.length - 2];
      for (int d = 0; d < shape.length; d++) shape[d] = Integer.parseInt(head[d + 2]);
      String body = lines.get(++i).trim();
      String[] parts = body.isEmpty() ? new String[0] : body.split(" ");
      double[] values = new double[parts.length];
      for (int k = 0; k < parts.length; k++) values[k] = Double.parseDouble(parts[k]);
      out.put(head[0], new Array(head[1], shape, values));
    }
    return out;
  }

  /** The texts of repr.txt: name → the lines under {@code @name}, joined with newlines. */
  public static Map<String, String> texts(String file) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    StringBuilder sb = new StringBuilder();
    for (String line : lines(file)) {
      if (line.startsWith("@")) {
        if (name != null) out.put(name, sb.toString());
        name = line.substring(1);
        sb.setLength(0);
      } else {
        if (!sb.isEmpty()) sb.append('\n');
        sb.append(line);
      }
    }
    return out;
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(DIR.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
