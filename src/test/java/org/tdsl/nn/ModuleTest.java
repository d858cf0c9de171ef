package org.tdsl.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

class ModuleTest {
  static final Map<String, String> REPR = Golden.texts("repr.txt");

  static Sequential mnistNet() {
    return new Sequential(new Conv2d(1, 32, 3), new ReLU(), new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
        new Dropout(0.25), new Flatten(), new Linear(9216, 128), new ReLU(), new Dropout(0.5), new Linear(128, 10),
        new LogSoftmax(1));
  }

  @Test
  void printsAsPyTorchPrints() {
    assertEquals(REPR.get("conv"), new Conv2d(1, 32, 3).toString());
    assertEquals(REPR.get("conv_options"), new Conv2d(4, 8, Size2.of(3, 5), Size2.of(2), Size2.of(1, 2), Size2.of(2), 2, false).toString());
    assertEquals(REPR.get("conv_pad1"), new Conv2d(3, 3, Size2.of(3), Size2.of(1), Size2.of(1), Size2.of(1), 1, true).toString());
    assertEquals(REPR.get("conv_same"), new Conv2d(1, 2, Size2.of(3, 5), Size2.of(1), "same", Size2.of(2), 1, true).toString());
    assertEquals(REPR.get("conv_valid"), new Conv2d(1, 2, Size2.of(3), Size2.of(1), "valid", Size2.of(1), 1, true).toString());
    assertEquals(REPR.get("linear"), new Linear(9216, 128).toString());
    assertEquals(REPR.get("linear_nobias"), new Linear(3, 2, false).toString());
    assertEquals(REPR.get("maxpool"), new MaxPool2d(2).toString());
    assertEquals(REPR.get("maxpool_options"), new MaxPool2d(Size2.of(3), Size2.of(2), Size2.of(1)).toString());
    assertEquals(REPR.get("avgpool"), new AvgPool2d(2).toString());
    assertEquals(REPR.get("avgpool_options"), new AvgPool2d(Size2.of(3, 2), Size2.of(1), Size2.of(1)).toString());
    assertEquals(REPR.get("relu"), new ReLU().toString());
    assertEquals(REPR.get("tanh"), new Tanh().toString());
    assertEquals(REPR.get("sigmoid"), new Sigmoid().toString());
    assertEquals(REPR.get("dropout"), new Dropout(0.25).toString());
    assertEquals(REPR.get("dropout_default"), new Dropout().toString());
    assertEquals(REPR.get("dropout2d"), new Dropout2d(0.1).toString());
    assertEquals(REPR.get("flatten"), new Flatten().toString());
    assertEquals(REPR.get("logsoftmax"), new LogSoftmax(1).toString());
    assertEquals(REPR.get("softmax"), new Softmax(-1).toString());
    assertEquals(REPR.get("mnist_net"), mnistNet().toString());
    assertEquals(REPR.get("nested"),
        new Sequential(new Linear(2, 3), new Sequential(new ReLU(), new Linear(3, 1))).toString());
    assertEquals(REPR.get("empty_sequential"), new Sequential().toString());
  }

  @Test
  void parameterNamesAreStateDictNames() {
    List<String> lines = new ArrayList<>();
    for (var kv : mnistNet().namedParameters().entrySet()) {
      lines.add(kv.getKey() + " " + java.util.Arrays.toString(kv.getValue().shape()));
    }
    assertEquals(REPR.get("mnist_net_names"), String.join("\n", lines));
    Sequential net = mnistNet();
    assertEquals(8, net.parameters().size());
    assertSame(net.get(0).parameter("weight"), net.parameters().get(0));
    assertSame(net.get(-1), net.get(11));
    assertEquals(12, net.len());
    for (Tensor p : net.parameters()) assertTrue(p.requiresGrad() && p.isLeaf());
  }

  @Test
  void loadStateDictReportsAsPyTorchDoes() {
    Sequential a = new Sequential(new Conv2d(1, 2, 3), new ReLU(), new Flatten(), new Linear(8, 3));
    Sequential b = new Sequential(new Conv2d(1, 4, 3), new ReLU(), new Flatten(), new Linear(16, 3, false));
    Map<String, Tensor> sd = new java.util.LinkedHashMap<>(b.stateDict());
    sd.put("extra", sd.get("0.bias"));
    var e = assertThrows(IllegalArgumentException.class, () -> a.loadStateDict(sd));
    // the text PyTorch 1.13 prints for the same two models
    assertEquals("Error(s) in loading state_dict for Sequential:\n\tMissing key(s) in state_dict: \"3.bias\". \n"
        + "\tUnexpected key(s) in state_dict: \"extra\". \n\tsize mismatch for 0.weight: copying a param with shape "
        + "torch.Size([4, 1, 3, 3]) from checkpoint, the shape in current model is torch.Size([2, 1, 3, 3]).\n"
        + "\tsize mismatch for 0.bias: copying a param with shape torch.Size([4]) from checkpoint, the shape in current "
        + "model is torch.Size([2]).\n\tsize mismatch for 3.weight: copying a param with shape torch.Size([3, 16]) from "
        + "checkpoint, the shape in current model is torch.Size([3, 8]).", e.getMessage());
    assertEquals("'Sequential' object has no attribute 'conv9'",
        assertThrows(IllegalArgumentException.class, () -> a.getAttr("conv9")).getMessage());
    assertSame(a.get(0), a.getAttr("0"));
    assertSame(a.get(0).parameter("bias"), a.get(0).getAttr("bias"));
    assertNull(b.get(3).getAttr("bias"));
  }

  @Test
  void slicingKeepsTheOriginalNames() {
    Sequential net = mnistNet();
    Sequential part = net.slice(2, 4, 1);
    assertEquals("Sequential(\n  (2): Conv2d(32, 64, kernel_size=(3, 3), stride=(1, 1))\n  (3): ReLU()\n)", part.toString());
    assertEquals(List.of("2.weight", "2.bias"), List.copyOf(part.stateDict().keySet()));
    assertSame(net.get(2), part.get(0));
    assertEquals(6, net.slice(0, 12, 2).len());
    assertSame(net.get(11), net.slice(11, -1, -1).get(0));
  }

  @Test
  void trainAndEvalReachEveryChild() {
    Sequential net = mnistNet();
    assertTrue(net.get(5).isTraining());
    net.eval();
    assertFalse(net.get(5).isTraining());
    assertFalse(net.isTraining());
    net.train();
    assertTrue(net.get(9).isTraining());
  }

  @Test
  void defaultInitIsUniformWithinOneOverSqrtFanIn() {
    Rng.seed(1);
    Conv2d conv = new Conv2d(32, 64, 3);
    double bound = 1 / Math.sqrt(32 * 9);
    float[] w = conv.weight().toFloatArray();
    double max = 0, sum = 0, sumSq = 0;
    for (float v : w) {
      max = Math.max(max, Math.abs(v));
      sum += v;
      sumSq += v * v;
    }
    assertTrue(max <= bound, "within the bound");
    assertTrue(max > 0.99 * bound, "fills the bound");
    assertEquals(0, sum / w.length, 5 * bound / Math.sqrt(3.0 * w.length), "mean within 5 standard errors of 0");
    assertEquals(bound * bound / 3, sumSq / w.length, 0.05 * bound * bound / 3, "variance of U(-b, b)");
    for (float v : conv.bias().toFloatArray()) assertTrue(Math.abs(v) <= bound);
    Rng.seed(1);
    assertArrayEquals(w, new Conv2d(32, 64, 3).weight().toFloatArray(), "manual_seed repeats the draw");
  }

  @Test
  void forwardShapesThroughTheMnistNet() {
    Rng.seed(1);
    Sequential net = mnistNet();
    Tensor x = Tensor.randn(2, 1, 28, 28);
    int[][] expected = {{2, 32, 26, 26}, {2, 32, 26, 26}, {2, 64, 24, 24}, {2, 64, 24, 24}, {2, 64, 12, 12},
        {2, 64, 12, 12}, {2, 9216}, {2, 128}, {2, 128}, {2, 128}, {2, 10}, {2, 10}};
    for (int i = 0; i < net.len(); i++) {
      x = net.get(i).call(x);
      assertArrayEquals(expected[i], x.shape(), "after layer " + i);
    }
    // log-probabilities: each row's exp sums to one
    float[] out = x.toFloatArray();
    for (int r = 0; r < 2; r++) {
      double s = 0;
      for (int c = 0; c < 10; c++) s += Math.exp(out[r * 10 + c]);
      assertEquals(1, s, 1e-5);
    }
  }

  @Test
  void dropoutLayersFollowTheTrainingFlag() {
    Rng.seed(2);
    Tensor x = Tensor.ones(4, 8, 5, 5);
    Dropout2d d2 = new Dropout2d(0.5);
    float[] y = d2.call(x).toFloatArray();
    for (int ch = 0; ch < 32; ch++) {
      float first = y[ch * 25];
      assertTrue(first == 0f || first == 2f);
      for (int i = 1; i < 25; i++) assertEquals(first, y[ch * 25 + i], "one draw per channel");
    }
    // unbatched C×H×W (PyTorch 2.x): one draw per channel
    float[] u = d2.call(Tensor.ones(6, 3, 4)).toFloatArray();
    for (int ch = 0; ch < 6; ch++) for (int i = 1; i < 12; i++) assertEquals(u[ch * 12], u[ch * 12 + i]);
    d2.eval();
    assertSame(x, d2.call(x));
    Dropout d = new Dropout(0.25);
    Tensor big = Tensor.ones(100000);
    float[] z = d.call(big).toFloatArray();
    int zeros = 0;
    for (float v : z) if (v == 0) zeros++; else assertEquals(1 / 0.75f, v, 1e-7);
    assertEquals(0.25, zeros / 100000.0, 0.01);
    assertEquals(0f, Functional.dropout(Tensor.ones(3), 1.0, true).toFloatArray()[1]);
    assertEquals("dropout probability has to be between 0 and 1, but got 1.5",
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5)).getMessage());
  }
}
