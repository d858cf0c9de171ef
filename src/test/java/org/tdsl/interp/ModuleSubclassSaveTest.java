package org.tdsl.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.interp.bind.TdslLibrary;
import org.tdsl.io.Checkpoint;

/** A program's nn.Module subclass saved and loaded under PyTorch's names (a script cannot make a temp dir). */
class ModuleSubclassSaveTest {
  @TempDir Path tmp;

  private static final String NET = """
      class Net(nn.Module) {
        def __init__(self) {
          super().__init__()
          self.features = nn.Sequential(nn.Linear(3, 4), nn.ReLU())
          self.fc2 = nn.Linear(4, 2)
          self.register_buffer("count", torch.tensor([7]))
        }
        def forward(self, x) { return self.fc2(self.features(x)) }
      }
      def same(x, y) { return (x - y).abs().max().item() == 0 }
      """;

  private String run(String program) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Interpreter ip = new Interpreter(TdslLibrary.standard(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    ip.host().define("path", tmp.resolve("net.safetensors").toString());
    ip.run(program, "save.tdsl", tmp);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void torchSaveOfTheStateDictWritesPyTorchsNamesAndLoadStateDictRestoresThem() {
    run(NET + """
        torch.manual_seed(1)
        net = Net()
        torch.save(net.state_dict(), path)
        """);
    assertEquals(List.of("features.0.weight", "features.0.bias", "fc2.weight", "fc2.bias", "count"),
        List.copyOf(Checkpoint.loadTensors(tmp.resolve("net.safetensors")).keySet()).stream().sorted(
            (a, b) -> order(a) - order(b)).toList());
    String out = run(NET + """
        torch.manual_seed(1)
        a = Net()
        torch.manual_seed(2)
        b = Net()
        b.count = torch.tensor([0])
        print(same(a.fc2.weight, b.fc2.weight), b.count)
        b.load_state_dict(torch.load(path))
        print(same(a.fc2.weight, b.fc2.weight), same(a.features[0].bias, b.features[0].bias), b.count)
        save(b, path)
        c = Net()
        load(c, path)
        print(same(c.fc2.bias, a.fc2.bias))
        """);
    assertEquals("False tensor([0])\nTrue True tensor([7])\nTrue\n", out);
  }

  /** The order PyTorch's state_dict has; the file's own key order is the writer's business. */
  private static int order(String key) {
    return List.of("features.0.weight", "features.0.bias", "fc2.weight", "fc2.bias", "count").indexOf(key);
  }
}
