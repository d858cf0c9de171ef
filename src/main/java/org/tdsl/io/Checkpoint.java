package org.tdsl.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.nn.Module;
import org.tdsl.tensor.Tensor;

/**
 * {@code save(net, path)} and {@code load(net, path)}: a model's state_dict in a safetensors
 * file, under PyTorch's names ({@code 0.weight}, {@code conv1.bias}), so the file loads in
 * PyTorch with {@code safetensors.torch.load_file} and a PyTorch-written one loads here.
 */
public final class Checkpoint {
  private Checkpoint() {}

  /** Saves a model's state_dict. */
  public static void save(Module model, Path path) {
    save(model.stateDict(), path, Map.of("format", "pt"));
  }

  /** {@code save(net, "mnist_cnn.safetensors")}. */
  public static void save(Module model, String path) { save(model, Path.of(path)); }

  /** {@code load(net, "mnist_cnn.safetensors")}. */
  public static void load(Module model, String path) { load(model, Path.of(path)); }

  /** Saves named tensors, in the map's order. */
  public static void save(Map<String, Tensor> tensors, Path path) { save(tensors, path, Map.of("format", "pt")); }

  /** Saves a list of tensors under the names {@code "0"}, {@code "1"}, .... */
  public static void save(List<Tensor> tensors, Path path) {
    Map<String, Tensor> named = new LinkedHashMap<>();
    for (int i = 0; i < tensors.size(); i++) named.put(Integer.toString(i), tensors.get(i));
    save(named, path);
  }

  public static void save(Map<String, Tensor> tensors, Path path, Map<String, String> metadata) {
    List<SafeTensors.Entry> entries = new ArrayList<>();
    for (var kv : tensors.entrySet()) {
      Tensor t = kv.getValue();
      if (t == null) throw new CheckpointException("cannot save " + kv.getKey() + ": it is None");
      Object data = switch (t.dtype()) {
        case FLOAT32 -> t.toFloatArray();
        case INT64 -> t.toLongArray();
        case BOOL -> bools(t);
      };
      entries.add(new SafeTensors.Entry(kv.getKey(), t.dtype(), t.shape(), data));
    }
    SafeTensors.write(path, entries, metadata);
  }

  /** Every tensor of a safetensors file, by name, in file order. */
  public static Map<String, Tensor> loadTensors(Path path) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (SafeTensors.Entry e : SafeTensors.read(path).tensors().values()) {
      Tensor t = switch (e.dtype()) {
        case FLOAT32 -> Tensor.of((float[]) e.data(), e.shape());
        case INT64 -> Tensor.of((long[]) e.data(), e.shape());
        case BOOL -> Tensor.of((boolean[]) e.data(), e.shape());
      };
      out.put(e.name(), t);
    }
    return out;
  }

  /**
   * Loads a checkpoint into a model in place: every parameter must be in the file with its
   * shape, and the file must hold nothing else (PyTorch's {@code strict=True}); otherwise
   * nothing is changed and the error lists every mismatch.
   */
  public static void load(Module model, Path path) {
    Map<String, Tensor> tensors = loadTensors(path);
    try {
      model.loadStateDict(tensors);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(e.getMessage() + "\n\t(checkpoint " + path + ")", e);
    }
  }

  private static boolean[] bools(Tensor t) {
    boolean[] out = new boolean[t.numel()];
    for (int i = 0; i < out.length; i++) out[i] = t.getBool(i);
    return out;
  }
}
