package org.tdsl.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tdsl.autograd.Autograd;
import org.tdsl.tensor.Tensor;

/**
 * Each optimizer's parameter trajectory over 20 steps on a fixed least-squares problem,
 * against PyTorch 1.13's (src/test/golden/nn/optim.txt), within 1e-5.
 */
class OptimizerTest {
  static final Map<String, Golden.Array> G = Golden.arrays("optim.txt");

  static Tensor t(String name) { return Tensor.of(G.get(name).floats(), G.get(name).shape()); }

  static void trajectory(String name, Function<List<Tensor>, Optimizer> make) {
    trajectory(name, make, false);
  }

  static void trajectory(String name, Function<List<Tensor>, Optimizer> make, boolean withScheduler) {
    Tensor x = t("x"), y = t("y"), w = t("w0"), b = t("b0");
    w.setRequiresGrad(true);
    b.setRequiresGrad(true);
    Optimizer opt = make.apply(List.of(w, b));
    StepLR sched = withScheduler ? new StepLR(opt, 3, 0.7) : null;
    float[] ws = G.get(name + ".w").floats(), bs = G.get(name + ".b").floats();
    for (int step = 0; step < 20; step++) {
      opt.zeroGrad();
      Autograd.backward(Functional.mse_loss(Functional.linear(x, w, b), y));
      opt.step();
      if (sched != null) {
        sched.step();
        assertEquals(G.get(name + ".lr").values()[step], sched.getLastLr().get(0), 1e-15, name + " lr after step " + step);
      }
      float[] wv = w.toFloatArray(), bv = b.toFloatArray();
      for (int i = 0; i < wv.length; i++) assertEquals(ws[step * 12 + i], wv[i], 1e-5, name + " w step " + (step + 1) + " [" + i + "]");
      for (int i = 0; i < bv.length; i++) assertEquals(bs[step * 3 + i], bv[i], 1e-5, name + " b step " + (step + 1) + " [" + i + "]");
    }
  }

  @Test void sgd() { trajectory("sgd", p -> new SGD(p, 0.1)); }

  @Test void sgdMomentum() { trajectory("sgd_momentum", p -> new SGD(p, 0.1, 0.9, 0, 0, false, false)); }

  @Test void sgdNesterovWeightDecay() {
    trajectory("sgd_nesterov_wd", p -> new SGD(p, 0.05, 0.9, 0, 0.01, true, false));
  }

  @Test void sgdDampeningMaximize() {
    trajectory("sgd_dampening_maximize", p -> new SGD(p, 0.01, 0.5, 0.3, 0, false, true));
  }

  @Test void adam() { trajectory("adam", p -> new Adam(p, 0.01)); }

  @Test void adamAmsgradWeightDecay() {
    trajectory("adam_amsgrad_wd", p -> new Adam(p, 0.02, 0.8, 0.95, 1e-6, 0.1, true, false));
  }

  @Test void adamW() { trajectory("adamw", p -> new AdamW(p, 0.01)); }

  @Test void adamWAmsgrad() {
    trajectory("adamw_amsgrad", p -> new AdamW(p, 0.02, 0.85, 0.99, 1e-8, 0.1, true, false));
  }

  @Test void adadelta() { trajectory("adadelta", p -> new Adadelta(p, 1.0)); }

  @Test void adadeltaOptions() {
    trajectory("adadelta_options", p -> new Adadelta(p, 0.5, 0.95, 1e-5, 0.1, false));
  }

  @Test void rmsprop() { trajectory("rmsprop", p -> new RMSprop(p, 0.01)); }

  @Test void rmspropCenteredMomentum() {
    trajectory("rmsprop_centered_momentum", p -> new RMSprop(p, 0.005, 0.9, 1e-6, 0.05, 0.8, true, false));
  }

  @Test void maximizeClimbs() {
    trajectory("adam_maximize", p -> new Adam(p, 0.01, 0.9, 0.999, 1e-8, 0, false, true));
    trajectory("adamw_maximize", p -> new AdamW(p, 0.01, 0.9, 0.999, 1e-8, 1e-2, false, true));
    trajectory("adadelta_maximize", p -> new Adadelta(p, 0.1, 0.9, 1e-6, 0, true));
    trajectory("rmsprop_maximize", p -> new RMSprop(p, 0.001, 0.99, 1e-8, 0, 0.5, false, true));
  }

  @Test void sgdWithStepLR() {
    trajectory("sgd_steplr", p -> new SGD(p, 0.1, 0.5, 0, 0, false, false), true);
  }

  @Test
  void zeroGradSetsToNoneOrZeroes() {
    Tensor w = Tensor.of(new float[] {1, 2}, 2);
    w.setRequiresGrad(true);
    SGD opt = new SGD(List.of(w), 0.1);
    Autograd.backward(Functional.mse_loss(w, Tensor.zeros(2)));
    assertNotNull(w.grad());
    opt.zeroGrad(false);
    assertArrayEquals(new float[] {0, 0}, w.grad().toFloatArray());
    opt.zeroGrad();
    assertNull(w.grad());
    opt.step(); // no gradient: nothing moves
    assertArrayEquals(new float[] {1, 2}, w.toFloatArray());
  }

  @Test
  void invalidOptionsUsePyTorchWording() {
    Tensor w = Tensor.zeros(2);
    w.setRequiresGrad(true);
    List<Tensor> p = List.of(w);
    assertEquals("Invalid learning rate: -0.1",
        assertThrows(IllegalArgumentException.class, () -> new SGD(p, -0.1)).getMessage());
    assertEquals("Nesterov momentum requires a momentum and zero dampening",
        assertThrows(IllegalArgumentException.class, () -> new SGD(p, 0.1, 0, 0, 0, true, false)).getMessage());
    assertEquals("Invalid beta parameter at index 1: 1.0",
        assertThrows(IllegalArgumentException.class, () -> new Adam(p, 0.1, 0.9, 1.0, 1e-8, 0, false, false)).getMessage());
    assertEquals("Invalid epsilon value: -1e-08",
        assertThrows(IllegalArgumentException.class, () -> new RMSprop(p, 0.1, 0.99, -1e-8, 0, 0, false, false)).getMessage());
    assertEquals("optimizer got an empty parameter list",
        assertThrows(IllegalArgumentException.class, () -> new Adadelta(List.of())).getMessage());
  }

  @Test
  void printsAsPyTorchPrints() {
    Map<String, String> r = Golden.texts("repr.txt");
    Tensor w = Tensor.zeros(2);
    w.setRequiresGrad(true);
    List<Tensor> p = List.of(w);
    assertEquals(r.get("optim_sgd"), new SGD(p, 0.1).toString());
    assertEquals(r.get("optim_sgd_options"), new SGD(p, 0.01, 0.9, 0, 1e-4, true, false).toString());
    assertEquals(r.get("optim_adam"), new Adam(p).toString());
    assertEquals(r.get("optim_adamw"), new AdamW(p, 0.002, 0.8, 0.9, 1e-8, 0.01, true, false).toString());
    assertEquals(r.get("optim_adadelta"), new Adadelta(p, 1.0).toString());
    assertEquals(r.get("optim_rmsprop"), new RMSprop(p, 0.01, 0.99, 1e-8, 0, 0.5, true, false).toString());
  }

  @Test
  void stepLRDecaysEveryStepSize() {
    Tensor w = Tensor.zeros(1);
    w.setRequiresGrad(true);
    Adadelta opt = new Adadelta(List.of(w), 1.0);
    StepLR sched = new StepLR(opt, 1, 0.7);
    assertEquals(1.0, sched.getLastLr().get(0));
    sched.step();
    assertEquals(0.7, opt.lr(), 1e-15);
    sched.step();
    assertEquals(0.7 * 0.7, sched.getLastLr().get(0), 1e-15);
  }
}
