package org.tdsl.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;

/**
 * {@code RNN}, {@code GRU} and {@code LSTM}: PyTorch's parameters (weight_ih_l0, weight_hh_l0,
 * bias_ih_l0, bias_hh_l0, then _reverse and the next layers), drawn U(−1/√hidden, 1/√hidden)
 * one tensor at a time in that order, and PyTorch's cell equations composed from autograd ops,
 * so gradients (through time, layers and initial states) come for free. The input-to-hidden
 * products of a whole sequence are one matrix product; only the recurrence steps in time.
 */
public final class Recurrent extends Module {
  public enum Mode {
    RNN_TANH(1), RNN_RELU(1), GRU(3), LSTM(4);

    final int gates;

    Mode(int gates) { this.gates = gates; }
  }

  public final Mode mode;
  public final int inputSize, hiddenSize, numLayers;
  public final boolean bias, batchFirst, bidirectional;
  public final double dropout;

  public Recurrent(Mode mode, int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst,
                   double dropout, boolean bidirectional) {
    if (numLayers < 1) throw new IllegalArgumentException("num_layers must be at least 1");
    if (hiddenSize < 1) throw new IllegalArgumentException("hidden_size must be greater than zero");
    if (dropout < 0 || dropout > 1) {
      throw new IllegalArgumentException("dropout should be a number in range [0, 1] representing the probability of an element being zeroed");
    }
    this.mode = mode;
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.numLayers = numLayers;
    this.bias = bias;
    this.batchFirst = batchFirst;
    this.dropout = dropout;
    this.bidirectional = bidirectional;
    int directions = bidirectional ? 2 : 1;
    for (int layer = 0; layer < numLayers; layer++) {
      int in = layer == 0 ? inputSize : hiddenSize * directions;
      for (int d = 0; d < directions; d++) {
        String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
        registerParameter("weight_ih" + suffix, Tensor.zeros(mode.gates * hiddenSize, in));
        registerParameter("weight_hh" + suffix, Tensor.zeros(mode.gates * hiddenSize, hiddenSize));
        if (bias) {
          registerParameter("bias_ih" + suffix, Tensor.zeros(mode.gates * hiddenSize));
          registerParameter("bias_hh" + suffix, Tensor.zeros(mode.gates * hiddenSize));
        }
      }
    }
    double bound = 1 / Math.sqrt(hiddenSize);
    for (Tensor w : parameters()) Init.uniform(w, -bound, bound);
  }

  /**
   * The forward pass: {@code {output, h_n}}, or {@code {output, h_n, c_n}} for an LSTM. h0 and
   * c0 may be null (zeros). Input is L×N×H_in (N×L×H_in when batch_first) or unbatched L×H_in.
   */
  public Tensor[] run(Tensor input, Tensor h0, Tensor c0) {
    boolean batched = input.dim() == 3;
    if (input.dim() != 2 && input.dim() != 3) {
      throw new IllegalArgumentException(typeName() + ": Expected input to be 2D or 3D, got " + input.dim() + "D instead");
    }
    if (input.size(-1) != inputSize) {
      throw new IllegalArgumentException("input.size(-1) must be equal to input_size. Expected " + inputSize + ", got "
          + input.size(-1));
    }
    Tensor x = !batched ? Torch.unsqueeze(input, 1) : batchFirst ? Torch.transpose(input, 0, 1) : input;
    int directions = bidirectional ? 2 : 1, batch = x.size(1);
    int[] stateShape = {numLayers * directions, batch, hiddenSize};
    Tensor h = state(h0, batched, stateShape, mode == Mode.LSTM ? "hidden[0]" : "hidden");
    Tensor c = mode == Mode.LSTM ? state(c0, batched, stateShape, "hidden[1]") : null;
    List<Tensor> hOut = new ArrayList<>(), cOut = new ArrayList<>();
    for (int layer = 0; layer < numLayers; layer++) {
      List<Tensor> outputs = new ArrayList<>();
      for (int d = 0; d < directions; d++) {
        int k = layer * directions + d;
        Tensor[] r = direction(x, layer, d == 1, Torch.select(h, 0, k), c == null ? null : Torch.select(c, 0, k));
        outputs.add(r[0]);
        hOut.add(r[1]);
        if (c != null) cOut.add(r[2]);
      }
      x = directions == 1 ? outputs.get(0) : Torch.cat(outputs, 2);
      if (layer < numLayers - 1 && dropout > 0) x = Functional.dropout(x, dropout, isTraining());
    }
    Tensor output = !batched ? Torch.squeeze(x, 1) : batchFirst ? Torch.transpose(x, 0, 1) : x;
    Tensor hn = Torch.stack(hOut, 0), cn = c == null ? null : Torch.stack(cOut, 0);
    if (!batched) {
      hn = Torch.squeeze(hn, 1);
      if (cn != null) cn = Torch.squeeze(cn, 1);
    }
    return cn == null ? new Tensor[] {output, hn} : new Tensor[] {output, hn, cn};
  }

  /** The initial state, checked against PyTorch's expected size (zeros when absent). */
  private static Tensor state(Tensor given, boolean batched, int[] shape, String what) {
    if (given == null) return Tensor.zeros(shape);
    Tensor s = batched ? given : Torch.unsqueeze(given, 1);
    if (!Arrays.equals(s.shape(), shape)) {
      String expected = batched ? "(" + shape[0] + ", " + shape[1] + ", " + shape[2] + ")" : "(" + shape[0] + ", " + shape[2] + ")";
      throw new IllegalArgumentException("Expected " + what + " size " + expected + ", got " + Shapes.str(given.shape()));
    }
    return s;
  }

  /** One layer in one direction over the sequence x (L×N×in): {outputs L×N×H, h_last, c_last}. */
  private Tensor[] direction(Tensor x, int layer, boolean reverse, Tensor h, Tensor c) {
    String suffix = "_l" + layer + (reverse ? "_reverse" : "");
    Tensor wih = parameter("weight_ih" + suffix), whh = parameter("weight_hh" + suffix);
    Tensor bih = parameter("bias_ih" + suffix), bhh = parameter("bias_hh" + suffix);
    Tensor inputGates = Functional.linear(x, wih, bih);  // every time step at once
    int steps = x.size(0);
    Tensor[] outputs = new Tensor[steps];
    for (int s = 0; s < steps; s++) {
      int t = reverse ? steps - 1 - s : s;
      Tensor gi = Torch.select(inputGates, 0, t);
      Tensor gh = Functional.linear(h, whh, bhh);
      switch (mode) {
        case RNN_TANH -> h = Torch.tanh(Torch.add(gi, gh));
        case RNN_RELU -> h = Torch.relu(Torch.add(gi, gh));
        case LSTM -> {
          Tensor gates = Torch.add(gi, gh);
          Tensor i = Torch.sigmoid(gate(gates, 0)), f = Torch.sigmoid(gate(gates, 1));
          Tensor g = Torch.tanh(gate(gates, 2)), o = Torch.sigmoid(gate(gates, 3));
          c = Torch.add(Torch.mul(f, c), Torch.mul(i, g));
          h = Torch.mul(o, Torch.tanh(c));
        }
        case GRU -> {
          Tensor r = Torch.sigmoid(Torch.add(gate(gi, 0), gate(gh, 0)));
          Tensor z = Torch.sigmoid(Torch.add(gate(gi, 1), gate(gh, 1)));
          Tensor n = Torch.tanh(Torch.add(gate(gi, 2), Torch.mul(r, gate(gh, 2))));
          h = Torch.add(Torch.mul(Torch.rsub(z, 1), n), Torch.mul(z, h));
        }
      }
      outputs[t] = h;
    }
    return new Tensor[] {Torch.stack(Arrays.asList(outputs), 0), h, c};
  }

  /** The k-th hidden-size slice of the last dim (PyTorch's chunk order: i, f, g, o; r, z, n). */
  private Tensor gate(Tensor gates, int k) { return Torch.narrow(gates, -1, k * hiddenSize, hiddenSize); }

  /** A recurrent layer returns a tuple, so it cannot be a step of Sequential (PyTorch fails there too). */
  @Override
  public Tensor forward(Tensor input) {
    throw new IllegalArgumentException(typeName() + " returns a tuple (output, " + (mode == Mode.LSTM ? "(h_n, c_n)" : "h_n")
        + "), not a tensor: call it directly rather than as a step of Sequential");
  }

  @Override
  public String typeName() {
    return switch (mode) {
      case RNN_TANH, RNN_RELU -> "RNN";
      case GRU -> "GRU";
      case LSTM -> "LSTM";
    };
  }

  /** PyTorch's RNNBase.extra_repr: options shown only when not at their defaults. */
  @Override
  protected String extraRepr() {
    StringBuilder s = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
    if (numLayers != 1) s.append(", num_layers=").append(numLayers);
    if (!bias) s.append(", bias=False");
    if (batchFirst) s.append(", batch_first=True");
    if (dropout != 0) s.append(", dropout=").append(Py.repr(dropout));
    if (bidirectional) s.append(", bidirectional=True");
    return s.toString();
  }
}
