package org.tdsl.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.nn.Conv2d;
import org.tdsl.nn.Flatten;
import org.tdsl.nn.Golden;
import org.tdsl.nn.Linear;
import org.tdsl.nn.ReLU;
import org.tdsl.nn.Sequential;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

class CheckpointTest {
  @TempDir Path tmp;

  static Sequential small() {
    return new Sequential(new Conv2d(1, 2, 3), new ReLU(), new Flatten(), new Linear(8, 3));
  }

  static Tensor golden(Map<String, Golden.Array> g, String name) {
    return Tensor.of(g.get(name).floats(), g.get(name).shape());
  }

  @Test
  void modelRoundTripRestoresEveryParameter() {
    Rng.seed(1);
    Sequential a = small();
    Path file = tmp.resolve("net.safetensors");
    Checkpoint.save(a, file);
    Rng.seed(2);
    Sequential b = small();
    assertNotEquals(a.get(0).parameter("weight").toFloatArray()[0], b.get(0).parameter("weight").toFloatArray()[0]);
    Checkpoint.load(b, file);
    for (var kv : a.namedParameters().entrySet()) {
      assertArrayEquals(kv.getValue().toFloatArray(), b.namedParameters().get(kv.getKey()).toFloatArray(), kv.getKey());
    }
    assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias"),
        List.copyOf(Checkpoint.loadTensors(file).keySet()));
  }

  @Test
  void loadsAModelPyTorchWroteAndComputesWhatPyTorchComputed() {
    Sequential net = small();
    Checkpoint.load(net, Golden.DIR.resolve("torch_model.safetensors"));
    Map<String, Golden.Array> g = Golden.arrays("torch_model.txt");
    float[] expected = g.get("out").floats();
    float[] out = net.call(golden(g, "x")).toFloatArray();
    for (int i = 0; i < expected.length; i++) assertEquals(expected[i], out[i], 1e-5);
  }

  /** Leaves target/tdsl_written.safetensors for generate.py to load into PyTorch (see its last lines). */
  @Test
  void writesAFileForThePyTorchSideToCheck() throws IOException {
    Rng.seed(7);
    Sequential net = small();
    Path target = Path.of("target");
    Files.createDirectories(target);
    Checkpoint.save(net, target.resolve("tdsl_written.safetensors"));
    Map<String, Golden.Array> g = Golden.arrays("torch_model.txt");
    Tensor x = golden(g, "x");
    List<String> numbers = new ArrayList<>();
    for (float v : x.toFloatArray()) numbers.add(Float.toString(v));
    for (float v : net.call(x).toFloatArray()) numbers.add(Float.toString(v));
    Files.writeString(target.resolve("tdsl_written.txt"), String.join(" ", numbers) + "\n");
    assertEquals(4, Checkpoint.loadTensors(target.resolve("tdsl_written.safetensors")).size());
  }

  @Test
  void dictsAndListsOfTensorsSaveUnderTheirNames() {
    Map<String, Tensor> named = new LinkedHashMap<>();
    named.put("w", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2).t()); // a non-contiguous view saves its values
    named.put("steps", Tensor.of(new long[] {5}, 1));
    named.put("flag", Tensor.of(new boolean[] {true, false}, 2));
    Path file = tmp.resolve("d.safetensors");
    Checkpoint.save(named, file);
    Map<String, Tensor> back = Checkpoint.loadTensors(file);
    assertArrayEquals(new float[] {1, 3, 2, 4}, back.get("w").toFloatArray());
    assertArrayEquals(new long[] {5}, back.get("steps").toLongArray());
    assertTrue(back.get("flag").getBool(0));
    assertFalse(back.get("flag").getBool(1));
    Checkpoint.save(List.of(Tensor.ones(2), Tensor.zeros(1)), file);
    assertEquals(List.of("0", "1"), List.copyOf(Checkpoint.loadTensors(file).keySet()));
  }

  @Test
  void mismatchedNamesAndShapesAreReportedAndNothingChanges() {
    Rng.seed(3);
    Sequential net = small();
    float[] before = net.get(0).parameter("weight").toFloatArray();
    Path file = tmp.resolve("other.safetensors");
    Checkpoint.save(new Sequential(new Conv2d(1, 4, 3), new ReLU(), new Flatten(), new Linear(16, 3, false)), file);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.load(net, file));
    assertEquals("Error(s) in loading state_dict for Sequential:\n"
        + "\tMissing key(s) in state_dict: \"3.bias\". \n"
        + "\tsize mismatch for 0.weight: copying a param with shape torch.Size([4, 1, 3, 3]) from checkpoint, "
        + "the shape in current model is torch.Size([2, 1, 3, 3]).\n"
        + "\tsize mismatch for 0.bias: copying a param with shape torch.Size([4]) from checkpoint, "
        + "the shape in current model is torch.Size([2]).\n"
        + "\tsize mismatch for 3.weight: copying a param with shape torch.Size([3, 16]) from checkpoint, "
        + "the shape in current model is torch.Size([3, 8]).\n"
        + "\t(checkpoint " + file + ")", e.getMessage());
    assertArrayEquals(before, net.get(0).parameter("weight").toFloatArray());
    CheckpointException extra = assertThrows(CheckpointException.class,
        () -> Checkpoint.load(net, Golden.DIR.resolve("torch_written.safetensors")));
    assertTrue(extra.getMessage().contains("Unexpected key(s) in state_dict: \"steps\", \"mask\". "), extra.getMessage());
  }
}
