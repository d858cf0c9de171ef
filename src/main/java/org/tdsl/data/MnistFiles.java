package org.tdsl.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The four IDX files of an MNIST-format directory (MNIST, Fashion-MNIST, ...), decoded and
 * normalised like the PyTorch example's transforms: {@code ToTensor()} (bytes / 255 in
 * float32) then {@code Normalize((0.1307,), (0.3081,))} ((x - mean) / std in float32).
 */
public final class MnistFiles {
  public static final float MEAN = 0.1307f;
  public static final float STD = 0.3081f;

  /** Normalised pixels, {@code count × rows × cols} row-major, and the labels. */
  public record Split(int count, int rows, int cols, float[] images, long[] labels) {}

  private MnistFiles() {}

  /** The bytes of the images as stored (0..255), {@code count × rows × cols} row-major, and the labels. */
  public record RawSplit(int count, int rows, int cols, byte[] pixels, long[] labels) {}

  /** The files' bytes, undecoded: what torchvision's MNIST holds and hands out as images. */
  public static RawSplit loadRaw(Path dir, boolean train) {
    String prefix = train ? "train" : "t10k";
    Path imagesFile = find(dir, prefix + "-images-idx3-ubyte");
    Path labelsFile = find(dir, prefix + "-labels-idx1-ubyte");
    Idx.Array images = Idx.read(imagesFile, 3, "images");
    Idx.Array labels = Idx.read(labelsFile, 1, "labels");
    if (images.count() != labels.count()) {
      throw new DataException(String.format("mnist: %s holds %d images but %s holds %d labels",
          imagesFile, images.count(), labelsFile, labels.count()));
    }
    long[] ys = new long[labels.count()];
    for (int i = 0; i < ys.length; i++) ys[i] = labels.data()[i] & 0xff;
    return new RawSplit(images.count(), images.dims()[1], images.dims()[2], images.data(), ys);
  }

  /** Whether dir holds both files of the split (gzipped or not). */
  public static boolean present(Path dir, boolean train) {
    String prefix = train ? "train" : "t10k";
    for (String name : new String[] {prefix + "-images-idx3-ubyte", prefix + "-labels-idx1-ubyte"}) {
      if (!Files.isRegularFile(dir.resolve(name + ".gz")) && !Files.isRegularFile(dir.resolve(name))) return false;
    }
    return true;
  }

  public static Split load(Path dir, boolean train) {
    RawSplit raw = loadRaw(dir, train);
    float[] pixels = new float[raw.pixels().length];
    for (int i = 0; i < pixels.length; i++) pixels[i] = normalise(raw.pixels()[i]);
    return new Split(raw.count(), raw.rows(), raw.cols(), pixels, raw.labels());
  }

  /** One byte as the example's transforms turn it into a float: two float32 roundings, like torch. */
  static float normalise(byte b) {
    float x = (b & 0xff) / 255f;
    return (x - MEAN) / STD;
  }

  /** {@code name.gz} or {@code name}; the gzip test is by content, so either may be compressed. */
  private static Path find(Path dir, String name) {
    Path gz = dir.resolve(name + ".gz");
    if (Files.isRegularFile(gz)) return gz;
    Path plain = dir.resolve(name);
    if (Files.isRegularFile(plain)) return plain;
    throw new DataException("mnist: " + name + "(.gz) not found in " + dir);
  }
}
