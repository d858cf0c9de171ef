package org.tdsl.interp.bind;

import java.util.List;
import java.util.Map;
import org.tdsl.autograd.Torch;
import org.tdsl.interp.Args;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.MethodTable;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.Tensor;

/**
 * torchvision.transforms: Compose, ToTensor, Normalize, Lambda, and the random augmentations
 * (RandomRotation, RandomCrop, RandomHorizontalFlip, ...) as no-ops that say so once.
 */
sealed interface ImageTransforms {
  Object apply(Object x, Interpreter ip);

  String repr();

  /** PIL's grayscale image as torchvision's MNIST hands it out: the bytes of one H×W picture. */
  record GrayImage(byte[] pixels, int offset, int rows, int cols) {
    Tensor toTensor() {
      float[] v = new float[rows * cols];
      for (int i = 0; i < v.length; i++) v[i] = (pixels[offset + i] & 0xff) / 255f;
      return Tensor.of(v, 1, rows, cols);
    }

    static final Protocol<GrayImage> PROTOCOL = new Protocol<>() {
      @Override public String typeName(GrayImage self) { return "Image"; }

      @Override public String className(GrayImage self) { return "PIL.Image.Image"; }

      private static final MethodTable<GrayImage> ATTRIBUTES = new MethodTable<GrayImage>()
          .attribute("size", self -> new org.tdsl.interp.PyTuple(List.of((long) self.cols, (long) self.rows)))
          .attribute("mode", self -> "L")
          .attribute("width", self -> (long) self.cols)
          .attribute("height", self -> (long) self.rows);

      @Override public Object getAttr(GrayImage self, String name) { return ATTRIBUTES.get(self, name); }

      @Override public List<String> attributeNames(GrayImage self) { return ATTRIBUTES.names(); }

      @Override public String repr(GrayImage self) {
        return "<PIL.Image.Image image mode=L size=" + self.cols + "x" + self.rows + ">";
      }
    };
  }

  record ToTensor() implements ImageTransforms {
    @Override public Object apply(Object x, Interpreter ip) {
      if (x instanceof GrayImage img) return img.toTensor();
      throw new TdslError("pic should be PIL Image or ndarray. Got " + classOf(x, ip));
    }

    @Override public String repr() { return "ToTensor()"; }
  }

  record Normalize(float[] mean, float[] std, String repr) implements ImageTransforms {
    @Override public Object apply(Object x, Interpreter ip) {
      if (!(x instanceof Tensor t)) throw new TdslError("img should be Tensor Image. Got " + classOf(x, ip));
      if (!t.dtype().isFloatingPoint()) throw new TdslError("Input tensor should be a float tensor. Got " + t.dtype() + ".");
      if (t.dim() < 3) {
        throw new TdslError("Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = " + new TorchSize(t.shape()));
      }
      int c = t.size(-3);
      Tensor m = channels(mean, c), s = channels(std, c);
      return Torch.div(Torch.sub(t, m), s);
    }

    private static Tensor channels(float[] v, int c) {
      float[] out = new float[c];
      for (int i = 0; i < c; i++) out[i] = v.length == 1 ? v[0] : v[i];
      if (v.length != 1 && v.length != c) throw new TdslError("mean and std must have one value per channel (" + c + ")");
      return Tensor.of(out, c, 1, 1);
    }

    /** The one-channel mean and std of this Normalize, or null. */
    float[] single() { return mean.length == 1 && std.length == 1 ? new float[] {mean[0], std[0]} : null; }
  }

  record Compose(List<Object> transforms) implements ImageTransforms {
    @Override public Object apply(Object x, Interpreter ip) {
      for (Object t : transforms) x = ImageTransforms.call(t, x, ip);
      return x;
    }

    @Override public String repr() {
      StringBuilder b = new StringBuilder("Compose(\n");
      for (Object t : transforms) b.append("    ").append(t instanceof ImageTransforms it ? it.repr() : Values.repr(t)).append('\n');
      return b.append(')').toString();
    }
  }

  record Lambda(Object fn) implements ImageTransforms {
    @Override public Object apply(Object x, Interpreter ip) { return ip.callValue(fn, List.of(x), Map.of()); }

    @Override public String repr() { return "Lambda()"; }
  }

  /** An augmentation tdsl does not perform yet: the image passes unchanged. */
  record NoOp(String repr) implements ImageTransforms {
    @Override public Object apply(Object x, Interpreter ip) { return x; }
  }

  /** Python's {@code type(x)} as it prints: {@code <class 'torch.Tensor'>}. */
  static String classOf(Object x, Interpreter ip) {
    for (var f : ip.builtins().functions()) if (f.name().equals("type")) return String.valueOf(ip.callValue(f, List.of(x), Map.of()));
    return Values.typeName(x, ip);
  }

  /** Applies a transform: ours directly, any other callable (a user's function) through the interpreter. */
  static Object call(Object transform, Object x, Interpreter ip) {
    if (transform instanceof ImageTransforms t) return t.apply(x, ip);
    return ip.callValue(transform, List.of(x), Map.of());
  }

  /**
   * When transform is ToTensor() or Compose([ToTensor(), Normalize(m, s)]) with one channel:
   * {normalize (0 or 1), mean, std}, so that the dataset can batch without calling it per image.
   */
  static float[] recognised(Object transform) {
    if (transform instanceof ToTensor) return new float[] {0, 0, 1};
    if (!(transform instanceof Compose c)) return null;
    List<Object> ts = c.transforms();
    if (ts.size() == 1 && ts.get(0) instanceof ToTensor) return new float[] {0, 0, 1};
    if (ts.size() == 2 && ts.get(0) instanceof ToTensor && ts.get(1) instanceof Normalize n && n.single() != null) {
      return new float[] {1, n.single()[0], n.single()[1]};
    }
    return null;
  }

  static final Protocol<ImageTransforms> PROTOCOL = new Protocol<>() {
    @Override public String typeName(ImageTransforms self) { return self.getClass().getSimpleName(); }

    @Override public String className(ImageTransforms self) {
      String name = self instanceof NoOp n ? n.repr().substring(0, n.repr().indexOf('(')) : self.getClass().getSimpleName();
      return "torchvision.transforms.transforms." + name;
    }

    @Override public Object call(ImageTransforms self, Args args) {
      if (args.positional().size() != 1 || !args.keywords().isEmpty()) {
        throw new TdslError("__call__() takes 1 positional argument (the image)");
      }
      return self.apply(args.positional().get(0), args.interpreter());
    }

    @Override public String repr(ImageTransforms self) { return self.repr(); }
  };

  static float[] floats(Object v, String what) {
    List<Object> items = Convert.items(v);
    if (items == null) return new float[] {(float) Values.toDouble(v)};
    float[] out = new float[items.size()];
    for (int i = 0; i < out.length; i++) out[i] = (float) Values.toDouble(items.get(i));
    return out;
  }

}
