package org.tdsl.interp.bind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.interp.console.Progress;
import org.tdsl.tensor.Tensor;
import org.tdsl.viz.Viz;

/** show, save_image, plot and save_graph: looking at data, at what a model learned, and at the tape. */
final class VizOps {
  private VizOps() {}

  static void install(Builtins b) {
    b.register("show", "show(tensor, columns=None)",
        "Draws an image (H×W, C×H×W or a batch N×C×H×W as a grid) in the terminal, scaled to its min..max.",
        a -> {
          Tensor t = Convert.tensor(a.get("tensor"), "show", "tensor");
          Object columns = a.get("columns");
          int width = columns == null ? Progress.columns() : Convert.toInt(columns, "columns");
          // colour only on a terminal a person watches: redirected output stays plain ASCII
          Viz.show(t, a.out(), a.interpreter().host().console() && Progress.onTerminal(), width);
          return null;
        });
    b.register("save_image", "save_image(tensor, fp, nrow=8, padding=2, normalize=False)",
        "Writes an image or a grid of a batch as PNG (torchvision's save_image): values 0..1, or min..max with normalize=True.",
        a -> {
          Tensor t = Convert.tensor(a.get("tensor"), "save_image", "tensor");
          Path path = FilePaths.writing(a, a.getString("fp"));
          write(() -> Viz.saveImage(t, path, a.getBool("normalize"), Convert.toInt(a.get("nrow"), "nrow"),
              Convert.toInt(a.get("padding"), "padding")));
          return null;
        });
    b.register("plot", "plot(values, path, title=None, labels=None)",
        "Draws a line chart of a list or 1-D tensor (or a list of them, one line each) as PNG.",
        a -> {
          List<double[]> series = series(a.get("values"));
          Path path = FilePaths.writing(a, a.getString("path"));
          String title = a.getOptionalString("title");
          List<String> labels = labels(a.get("labels"), series.size());
          write(() -> Viz.plot(series, path, title, labels));
          return null;
        });
    b.register("save_graph", "save_graph(tensor, path)",
        "Writes the tape leading to tensor as Graphviz DOT (render it with `dot -Tpng`).",
        a -> {
          Tensor t = Convert.tensor(a.get("tensor"), "save_graph", "tensor");
          Path path = FilePaths.writing(a, a.getString("path"));
          write(() -> Viz.saveGraph(t, path));
          return null;
        });
  }

  private interface Write {
    void run() throws IOException;
  }

  private static void write(Write w) {
    try {
      w.run();
    } catch (IOException e) {
      throw new TdslError(e.getMessage());
    }
  }

  /** One series (a list of numbers or a 1-D tensor) or several (a list of those). */
  private static List<double[]> series(Object values) {
    if (values instanceof Tensor t) {
      if (t.dim() == 2) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < t.shape()[0]; i++) out.add(numbers(t.select(0, i)));
        return out;
      }
      return List.of(numbers(t));
    }
    List<Object> items = Convert.items(values);
    if (items == null) throw new TdslError("plot(): values must be a list or a tensor, not " + Values.typeName(values));
    boolean nested = !items.isEmpty() && items.stream().allMatch(o -> o instanceof Tensor || Convert.items(o) != null);
    if (!nested) return List.of(numbers(values));
    List<double[]> out = new ArrayList<>();
    for (Object o : items) out.add(numbers(o));
    return out;
  }

  private static double[] numbers(Object v) {
    if (v instanceof Tensor t) {
      if (t.dim() > 1) throw new TdslError("plot(): a series must be 1-D, got a tensor of shape " + new TorchSize(t.shape()));
      double[] out = new double[t.numel()];
      for (int i = 0; i < out.length; i++) out[i] = t.getDouble(i);
      return out;
    }
    List<Object> items = Convert.items(v);
    if (items == null) throw new TdslError("plot(): a series must be a list of numbers or a 1-D tensor, not " + Values.typeName(v));
    double[] out = new double[items.size()];
    for (int i = 0; i < out.length; i++) {
      Object o = items.get(i);
      if (o instanceof Tensor t && t.numel() == 1) out[i] = t.getDouble(0);
      else if (o instanceof Number n) out[i] = n.doubleValue();
      else throw new TdslError("plot(): values must be numbers, not " + Values.typeName(o));
    }
    return out;
  }

  private static List<String> labels(Object labels, int n) {
    if (labels == null) return null;
    List<Object> items = Convert.items(labels);
    if (items == null || items.size() != n) {
      throw new TdslError("plot(): labels must be a list with one name per line: got "
          + (items == null ? Values.typeName(labels) : items.size() + " labels") + " for " + n + (n == 1 ? " line" : " lines"));
    }
    return items.stream().map(String::valueOf).toList();
  }
}
