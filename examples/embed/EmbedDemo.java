import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.tdsl.api.Session;
import org.tdsl.api.TdslException;
import org.tdsl.api.Tensors;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Tensor;

/**
 * tdsl inside a Java program: autograd straight from Java, then a sandboxed session that
 * trains a tiny model on data Java hands it, gives the result back, and refuses a file
 * outside its root. Build and run (from the repository, after `mvn compile`):
 * <pre>
 * cp=target/classes:$HOME/.m2/repository/org/antlr/antlr4-runtime/4.13.2/antlr4-runtime-4.13.2.jar
 * javac -cp $cp -d /tmp/embed examples/embed/EmbedDemo.java
 * java --add-modules jdk.incubator.vector -cp $cp:/tmp/embed EmbedDemo
 * </pre>
 */
public class EmbedDemo {
  public static void main(String[] args) throws Exception {
    // 1. Tensors and autograd from Java: loss = sum((w x)^2), dloss/dw = 2 (w x) x^T
    Tensor w = Tensors.parameter(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor x = Tensors.of(new float[] {1, -1}, 2, 1);
    Tensor wx = Torch.matmul(w, x);
    Tensor loss = Torch.sum(Torch.mul(wx, wx));
    Tensors.backward(loss);
    System.out.println("java: loss " + loss.item() + ", grad " + Arrays.toString(Tensors.grad(w)));

    // 2. A session: data in from Java, training in tdsl, the fitted line back in Java
    float[] xs = new float[10], ys = new float[10];
    for (int i = 0; i < 10; i++) {
      xs[i] = i / 10f;
      ys[i] = 3 * xs[i] + 1;
    }
    Path dir = Files.createTempDirectory("embed-demo");
    PrintWriter out = new PrintWriter(System.out, true);
    try (Session tdsl = Session.builder().output(out).fileRoot(dir).seed(0)
        .timeLimit(Duration.ofSeconds(60)).maxTensorElements(1_000_000).build()) {
      tdsl.set("xs", Tensors.of(xs, 10, 1));
      tdsl.set("ys", Tensors.of(ys, 10, 1));
      tdsl.eval("""
          model = Linear(1, 1)
          opt = SGD(model.parameters(), lr=0.5)
          for step in range(300) {
            opt.zero_grad()
            loss = mse_loss(model(xs), ys)
            loss.backward()
            opt.step()
          }
          print(f"tdsl: loss after training {loss.item():.6f}")
          def predict(x) { return model(tensor([[x]])).item() }
          save(model, "line.safetensors")
          """, "train.tdsl");
      double slope = (Double) tdsl.eval("model.weight.item()");
      double intercept = (Double) tdsl.eval("model.bias.item()");
      System.out.printf("java: y = %.3f x + %.3f%n", slope, intercept);
      System.out.printf("java: predict(2) = %.2f%n", (Double) tdsl.call("predict", 2.0));
      System.out.println("java: saved " + Files.exists(dir.resolve("line.safetensors")));

      // 3. Errors come back as one exception type, with where and what
      try {
        tdsl.eval("data = load(\"../../etc/passwd\")", "peek.tdsl");
      } catch (TdslException e) {
        System.out.println("java: " + e.kind() + " at " + e.file() + ":" + e.line() + ":" + e.column() + ": " + e.message());
      }
    }
  }
}
