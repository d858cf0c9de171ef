package org.tdsl.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.tensor.DType;

/**
 * The safetensors file format on plain arrays: an 8-byte little-endian header length, a JSON
 * header {@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
 * "__metadata__": {..}}} padded with spaces to a multiple of 8, then the tensors' bytes,
 * little-endian, row-major. Readable by Hugging Face's {@code safetensors} and by a few
 * lines of plain Python.
 */
public final class SafeTensors {
  private SafeTensors() {}

  /** One named tensor: row-major contents in a {@code float[]}, {@code long[]} or {@code boolean[]}. */
  public record Entry(String name, DType dtype, int[] shape, Object data) {
    public Entry {
      long n = 1;
      for (int s : shape) n *= s;
      int length = switch (dtype) {
        case FLOAT32 -> ((float[]) data).length;
        case INT64 -> ((long[]) data).length;
        case BOOL -> ((boolean[]) data).length;
      };
      if (length != n) {
        throw new IllegalArgumentException("tensor " + name + ": " + length + " elements for shape " + shapeText(shape));
      }
    }

    public int numel() {
      int n = 1;
      for (int s : shape) n *= s;
      return n;
    }
  }

  /** The tensors of a file, in file order, and its {@code __metadata__} (empty when absent). */
  public record Contents(Map<String, Entry> tensors, Map<String, String> metadata) {}

  static String code(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> "F32";
      case INT64 -> "I64";
      case BOOL -> "BOOL";
    };
  }

  static int elementSize(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> 4;
      case INT64 -> 8;
      case BOOL -> 1;
    };
  }

  /**
   * Writes the tensors to {@code path} atomically: the bytes go to a temporary file in the same
   * directory which is then renamed over the target, so a failure never leaves half a file
   * ({@link AtomicFiles}: the file gets the mode the umask gives, or keeps its own).
   */
  public static void write(Path path, List<Entry> tensors, Map<String, String> metadata) {
    byte[] bytes = encode(tensors, metadata);
    Path dir = path.toAbsolutePath().getParent();
    try {
      AtomicFiles.replace(path, out -> out.write(bytes));
    } catch (NoSuchFileException e) {
      throw new CheckpointException("cannot save to " + path + ": directory " + dir + " does not exist", e);
    } catch (IOException e) {
      throw new CheckpointException("cannot save to " + path + ": " + e.getMessage(), e);
    }
  }

  static byte[] encode(List<Entry> tensors, Map<String, String> metadata) {
    StringBuilder header = new StringBuilder("{");
    boolean first = true;
    if (metadata != null && !metadata.isEmpty()) {
      header.append("\"__metadata__\":{");
      boolean firstMeta = true;
      for (var kv : metadata.entrySet()) {
        if (!firstMeta) header.append(',');
        header.append(Json.quote(kv.getKey())).append(':').append(Json.quote(kv.getValue()));
        firstMeta = false;
      }
      header.append('}');
      first = false;
    }
    long offset = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Entry t : tensors) {
      if (!seen.add(t.name())) throw new CheckpointException("duplicate tensor name " + t.name());
      long size = (long) t.numel() * elementSize(t.dtype());
      if (!first) header.append(',');
      first = false;
      header.append(Json.quote(t.name())).append(":{\"dtype\":\"").append(code(t.dtype())).append("\",\"shape\":[");
      for (int i = 0; i < t.shape().length; i++) {
        if (i > 0) header.append(',');
        header.append(t.shape()[i]);
      }
      header.append("],\"data_offsets\":[").append(offset).append(',').append(offset + size).append("]}");
      offset += size;
    }
    header.append('}');
    while ((header.length() + 8) % 8 != 0) header.append(' ');
    byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
    // a non-ASCII name makes the UTF-8 longer than the char count: pad the bytes again
    int padded = (headerBytes.length + 7) / 8 * 8;
    if (offset + 8 + padded > Integer.MAX_VALUE - 8) throw new CheckpointException("checkpoint larger than 2 GB");
    ByteBuffer buf = ByteBuffer.allocate((int) (8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(padded);
    buf.put(headerBytes);
    for (int i = headerBytes.length; i < padded; i++) buf.put((byte) ' ');
    for (Entry t : tensors) {
      switch (t.dtype()) {
        case FLOAT32 -> { for (float v : (float[]) t.data()) buf.putFloat(v); }
        case INT64 -> { for (long v : (long[]) t.data()) buf.putLong(v); }
        case BOOL -> { for (boolean v : (boolean[]) t.data()) buf.put((byte) (v ? 1 : 0)); }
      }
    }
    return buf.array();
  }

  /** Reads a safetensors file; any inconsistency is an error naming the file. */
  public static Contents read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(path + " not found", e);
    } catch (IOException e) {
      throw new CheckpointException("cannot read " + path + ": " + e.getMessage(), e);
    }
    return decode(path.toString(), bytes);
  }

  static Contents decode(String file, byte[] bytes) {
    if (bytes.length < 8) throw corrupt(file, "only " + bytes.length + " bytes, shorter than the 8-byte header length");
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = buf.getLong(0);
    if (headerLength < 2 || headerLength > bytes.length - 8) {
      throw corrupt(file, "header length " + headerLength + " does not fit in a file of " + bytes.length + " bytes");
    }
    String headerText = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
    Object parsed;
    try {
      parsed = Json.parse(headerText);
    } catch (IllegalArgumentException e) {
      throw corrupt(file, "bad JSON header: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> header)) throw corrupt(file, "the header is not a JSON object");
    int dataStart = 8 + (int) headerLength;
    long dataLength = bytes.length - dataStart;
    Map<String, Entry> tensors = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    List<long[]> spans = new ArrayList<>();
    List<String> spanNames = new ArrayList<>();
    for (var kv : header.entrySet()) {
      String name = (String) kv.getKey();
      if (name.equals("__metadata__")) {
        if (!(kv.getValue() instanceof Map<?, ?> meta)) throw corrupt(file, "__metadata__ is not an object");
        for (var m : meta.entrySet()) metadata.put((String) m.getKey(), String.valueOf(m.getValue()));
        continue;
      }
      if (!(kv.getValue() instanceof Map<?, ?> info)) throw corrupt(file, "entry " + name + " is not an object");
      DType dtype = dtypeOf(file, name, info.get("dtype"));
      int[] shape = intList(file, name, "shape", info.get("shape"));
      int[] offsets = intList(file, name, "data_offsets", info.get("data_offsets"));
      if (offsets.length != 2) throw corrupt(file, "tensor " + name + ": data_offsets must hold two numbers");
      long numel = 1;
      for (int s : shape) {
        if (s < 0) throw corrupt(file, "tensor " + name + ": negative size in shape " + shapeText(shape));
        numel *= s;
      }
      long size = numel * elementSize(dtype);
      if (offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength) {
        throw corrupt(file, "tensor " + name + ": data_offsets [" + offsets[0] + ", " + offsets[1]
            + "] fall outside the " + dataLength + " bytes of data (truncated?)");
      }
      if (offsets[1] - offsets[0] != size) {
        throw corrupt(file, "tensor " + name + ": " + (offsets[1] - offsets[0]) + " bytes for a "
            + code(dtype) + " tensor of shape " + shapeText(shape) + " (" + size + " bytes expected)");
      }
      spans.add(new long[] {offsets[0], offsets[1]});
      spanNames.add(name);
      int at = dataStart + offsets[0];
      int n = (int) numel;
      Object data = switch (dtype) {
        case FLOAT32 -> {
          float[] a = new float[n];
          for (int i = 0; i < n; i++) a[i] = buf.getFloat(at + 4 * i);
          yield a;
        }
        case INT64 -> {
          long[] a = new long[n];
          for (int i = 0; i < n; i++) a[i] = buf.getLong(at + 8 * i);
          yield a;
        }
        case BOOL -> {
          boolean[] a = new boolean[n];
          for (int i = 0; i < n; i++) a[i] = bytes[at + i] != 0;
          yield a;
        }
      };
      tensors.put(name, new Entry(name, dtype, shape, data));
    }
    checkContiguous(file, spans, spanNames, dataLength);
    return new Contents(tensors, metadata);
  }

  /**
   * The safetensors library's rule: sorted by offset, the tensors' bytes follow one another
   * with no overlap and no gap, and end where the file ends (its InvalidOffset and
   * MetadataIncompleteBuffer). Overlapping tensors would share bytes; a gap hides data.
   */
  private static void checkContiguous(String file, List<long[]> spans, List<String> names, long dataLength) {
    Integer[] order = new Integer[spans.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, java.util.Comparator.comparingLong((Integer i) -> spans.get(i)[0]).thenComparingLong(i -> spans.get(i)[1]));
    long end = 0;
    for (int i : order) {
      long[] span = spans.get(i);
      if (span[0] != end) {
        throw corrupt(file, "tensor " + names.get(i) + ": data_offsets [" + span[0] + ", " + span[1] + "] "
            + (span[0] < end ? "overlap the previous tensor's bytes" : "leave a gap after byte " + end) + " (invalid offset)");
      }
      end = span[1];
    }
    if (end != dataLength) {
      throw corrupt(file, "the tensors account for " + end + " of the " + dataLength + " bytes of data (incomplete metadata)");
    }
  }

  private static DType dtypeOf(String file, String name, Object code) {
    if (!(code instanceof String s)) throw corrupt(file, "tensor " + name + " has no dtype");
    return switch (s) {
      case "F32" -> DType.FLOAT32;
      case "I64" -> DType.INT64;
      case "BOOL" -> DType.BOOL;
      default -> throw new CheckpointException(file + ": tensor " + name + " has dtype " + s
          + ", which tdsl does not support (F32, I64 and BOOL only)");
    };
  }

  private static int[] intList(String file, String name, String key, Object value) {
    if (!(value instanceof List<?> list)) throw corrupt(file, "tensor " + name + " has no " + key);
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Long l) || l > Integer.MAX_VALUE) {
        throw corrupt(file, "tensor " + name + ": " + key + " holds " + list.get(i));
      }
      out[i] = (int) (long) l;
    }
    return out;
  }

  private static CheckpointException corrupt(String file, String why) {
    return new CheckpointException(file + " is not a valid safetensors file: " + why);
  }

  static String shapeText(int[] shape) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append(shape[i]);
    }
    return sb.append(']').toString();
  }
}
