package org.tdsl.data;

import java.nio.file.Path;
import org.tdsl.tensor.Tensor;

/**
 * An MNIST-format split (MNIST, Fashion-MNIST, ...) as the PyTorch example sees it: images
 * 1×28×28 float32 normalised with mean 0.1307 and std 0.3081, labels int64.
 */
public final class Mnist implements Dataset {
  private final MnistFiles.Split split;
  private final Path root;
  private final boolean train;

  /** {@code mnist(dir, train=True)}. */
  public Mnist(String dir, boolean train) { this(Path.of(dir), train); }

  public Mnist(Path dir, boolean train) {
    this.root = dir;
    this.train = train;
    this.split = MnistFiles.load(dir, train);
  }

  @Override
  public int len() { return split.count(); }

  @Override
  public Tensor[] get(int index) {
    int i = Dataset.checkIndex(index, split.count());
    int pixels = split.rows() * split.cols();
    float[] image = new float[pixels];
    System.arraycopy(split.images(), i * pixels, image, 0, pixels);
    return new Tensor[] {Tensor.of(image, 1, split.rows(), split.cols()), Tensor.scalar(split.labels()[i])};
  }

  @Override
  public Tensor[] batch(int[] indices) {
    int pixels = split.rows() * split.cols();
    float[] images = new float[indices.length * pixels];
    long[] labels = new long[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = Dataset.checkIndex(indices[k], split.count());
      System.arraycopy(split.images(), i * pixels, images, k * pixels, pixels);
      labels[k] = split.labels()[i];
    }
    return new Tensor[] {Tensor.of(images, indices.length, 1, split.rows(), split.cols()), Tensor.of(labels, indices.length)};
  }

  /** All images as one N×1×28×28 tensor (for looking at the data). */
  public Tensor images() {
    return Tensor.of(split.images().clone(), split.count(), 1, split.rows(), split.cols());
  }

  /** All labels as one N tensor. */
  public Tensor labels() { return Tensor.of(split.labels().clone(), split.count()); }

  /** torchvision's dataset repr, without the transform lines. */
  @Override
  public String toString() {
    return "Dataset MNIST\n    Number of datapoints: " + split.count() + "\n    Root location: " + root
        + "\n    Split: " + (train ? "Train" : "Test");
  }
}
