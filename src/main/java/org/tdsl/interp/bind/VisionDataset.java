package org.tdsl.interp.bind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tdsl.data.DataException;
import org.tdsl.data.Dataset;
import org.tdsl.data.MnistFiles;
import org.tdsl.data.MnistImages;
import org.tdsl.interp.Args;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.MethodTable;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.Values;

/**
 * torchvision.datasets.MNIST / FashionMNIST: the IDX files of root/NAME/raw, items (image,
 * label) with the image a grayscale PIL-like value that the transform (ToTensor, ...) turns
 * into a tensor. When the transform is ToTensor, or ToTensor then a one-channel Normalize, and
 * there is no target_transform, {@link #fast} serves whole batches without calling the
 * transform per image (a DataLoader takes it); its tensors are exactly the transform's.
 */
record VisionDataset(String name, String root, boolean train, MnistFiles.RawSplit split, Object transform,
                     Object targetTransform, Dataset fast, Interpreter ip) {

  static VisionDataset open(String name, Args a) {
    String root = a.getString("root");
    Path raw = Path.of(root, name, "raw");
    boolean train = a.getBool("train");
    if (!MnistFiles.present(FilePaths.reading(a, raw.toString()), train)) {
      String prefix = train ? "train" : "t10k";
      throw new DataException("Dataset not found: tdsl does not download (download=" + (a.getBool("download") ? "True" : "False")
          + "); put " + prefix + "-images-idx3-ubyte and " + prefix + "-labels-idx1-ubyte (.gz or not) in " + raw);
    }
    MnistFiles.RawSplit split = MnistFiles.loadRaw(FilePaths.mnistRoot(a, raw.toString(), train), train);
    Object transform = a.get("transform"), target = a.get("target_transform");
    float[] known = ImageTransforms.recognised(transform);
    Dataset fast = known != null && target == null ? new MnistImages(split, known[0] != 0, known[1], known[2]) : null;
    return new VisionDataset(name, root, train, split, transform, target, fast, a.interpreter());
  }

  Object item(long index) {
    int n = split.count();
    if (index < -n || index >= n) throw new IndexOutOfBoundsException("index " + index + " is out of bounds for dimension 0 with size " + n);
    int i = (int) (index < 0 ? index + n : index);
    Object image = new ImageTransforms.GrayImage(split.pixels(), i * split.rows() * split.cols(), split.rows(), split.cols());
    Object label = split.labels()[i];
    if (transform != null) image = ImageTransforms.call(transform, image, ip);
    if (targetTransform != null) label = ImageTransforms.call(targetTransform, label, ip);
    return new PyTuple(List.of(image, label));
  }

  static final Protocol<VisionDataset> PROTOCOL = new Protocol<>() {
    @Override public String typeName(VisionDataset self) { return self.name; }

    @Override public String className(VisionDataset self) {
      return "torchvision.datasets.mnist." + self.name;
    }

    @Override public long len(VisionDataset self) { return self.split.count(); }

    @Override public Object getItem(VisionDataset self, Object index) { return self.item(Values.toIndex(index)); }

    @Override public java.util.Iterator<Object> iterate(VisionDataset self) {
      return new java.util.Iterator<>() {
        long i = 0;

        @Override public boolean hasNext() { return i < self.split.count(); }

        @Override public Object next() { return self.item(i++); }
      };
    }

    private static final MethodTable<VisionDataset> ATTRIBUTES = new MethodTable<VisionDataset>()
        .attribute("root", self -> self.root)
        .attribute("train", self -> self.train)
        .attribute("transform", self -> self.transform)
        .attribute("target_transform", self -> self.targetTransform)
        .attribute("classes", self -> classes(self.name))
        .attribute("data", self -> org.tdsl.tensor.Tensor.of(toLongs(self.split.pixels()), self.split.count(), self.split.rows(), self.split.cols()))
        .attribute("targets", self -> org.tdsl.tensor.Tensor.of(self.split.labels().clone(), self.split.count()));

    @Override public Object getAttr(VisionDataset self, String name) { return ATTRIBUTES.get(self, name); }

    @Override public List<String> attributeNames(VisionDataset self) { return ATTRIBUTES.names(); }

    @Override public String repr(VisionDataset self) {
      StringBuilder b = new StringBuilder("Dataset " + self.name + "\n    Number of datapoints: " + self.split.count()
          + "\n    Root location: " + self.root + "\n    Split: " + (self.train ? "Train" : "Test"));
      if (self.transform != null || self.targetTransform != null) b.append("\n    StandardTransform");
      if (self.transform != null) b.append("\n").append(indented("Transform: ", self.transform));
      if (self.targetTransform != null) b.append("\n").append(indented("Target transform: ", self.targetTransform));
      return b.toString();
    }
  };

  /** torchvision's StandardTransform lines: the head, then each further line under the first. */
  private static String indented(String head, Object transform) {
    String text = transform instanceof ImageTransforms t ? t.repr() : Values.repr(transform);
    return head + text.replace("\n", "\n" + " ".repeat(head.length()));
  }

  /** data as int64 (tdsl has no uint8 yet). */
  private static long[] toLongs(byte[] b) {
    long[] out = new long[b.length];
    for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
    return out;
  }

  private static org.tdsl.interp.PyList classes(String name) {
    List<Object> c = new ArrayList<>();
    if (name.equals("MNIST")) {
      for (String s : new String[] {"0 - zero", "1 - one", "2 - two", "3 - three", "4 - four", "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine"}) c.add(s);
    } else {
      for (String s : new String[] {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"}) c.add(s);
    }
    return new org.tdsl.interp.PyList(c);
  }
}
