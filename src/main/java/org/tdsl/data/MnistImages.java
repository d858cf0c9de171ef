package org.tdsl.data;

import org.tdsl.tensor.Tensor;

/**
 * An MNIST-format split as torchvision's {@code MNIST(root, transform=Compose([ToTensor(),
 * Normalize(mean, std)]))} gives it (or with ToTensor alone): images 1×H×W float32, each byte
 * b turned into (b / 255 - mean) / std with float32 roundings as torch does, labels int64.
 * The 256 possible pixel values are computed once, so a batch is a table lookup per pixel.
 */
public final class MnistImages implements Dataset {
  private final MnistFiles.RawSplit split;
  private final float[] value = new float[256];

  /** normalize false: ToTensor only (mean and std are ignored). */
  public MnistImages(MnistFiles.RawSplit split, boolean normalize, float mean, float std) {
    this.split = split;
    for (int b = 0; b < 256; b++) {
      float x = b / 255f;
      value[b] = normalize ? (x - mean) / std : x;
    }
  }

  @Override
  public int len() { return split.count(); }

  @Override
  public Tensor[] get(int index) {
    Tensor[] batch = batch(new int[] {index});
    return new Tensor[] {batch[0].select(0, 0), batch[1].select(0, 0)};
  }

  @Override
  public Tensor[] batch(int[] indices) {
    int pixels = split.rows() * split.cols();
    float[] images = new float[indices.length * pixels];
    long[] labels = new long[indices.length];
    byte[] raw = split.pixels();
    for (int k = 0; k < indices.length; k++) {
      int i = Dataset.checkIndex(indices[k], split.count());
      for (int p = 0, from = i * pixels, to = k * pixels; p < pixels; p++) images[to + p] = value[raw[from + p] & 0xff];
      labels[k] = split.labels()[i];
    }
    return new Tensor[] {Tensor.of(images, indices.length, 1, split.rows(), split.cols()), Tensor.of(labels, indices.length)};
  }
}
