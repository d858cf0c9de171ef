package org.tdsl.viz;

/**
 * A picture ready to draw: {@code channels} (1 gray or 3 RGB) planes of height×width values
 * in 0..1, stored plane after plane, row-major within a plane.
 */
record Raster(int channels, int height, int width, float[] data) {

  /** torchvision's conversion to a byte: {@code mul(255).add_(0.5).clamp_(0, 255)}, then truncate. */
  static int toByte(float v) { return (int) Math.min(255f, Math.max(0f, v * 255f + 0.5f)); }

  float at(int c, int y, int x) { return data[(c * height + y) * width + x]; }

  /** Luminance (ITU-R BT.601 weights, as PIL's "L" conversion) for drawing in gray. */
  float gray(int y, int x) {
    if (channels == 1) return at(0, y, x);
    return 0.299f * at(0, y, x) + 0.587f * at(1, y, x) + 0.114f * at(2, y, x);
  }

  /**
   * The same picture at another size: each target pixel averages the source pixels its area
   * covers (a box filter, so shrinking keeps thin strokes visible as gray), or repeats the
   * nearest source pixel when enlarging.
   */
  Raster resize(int newHeight, int newWidth) {
    if (newHeight == height && newWidth == width) return this;
    float[] out = new float[channels * newHeight * newWidth];
    double sy = (double) height / newHeight, sx = (double) width / newWidth;
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < newHeight; y++) {
        int y0 = (int) Math.floor(y * sy), y1 = Math.max(y0 + 1, (int) Math.ceil((y + 1) * sy));
        for (int x = 0; x < newWidth; x++) {
          int x0 = (int) Math.floor(x * sx), x1 = Math.max(x0 + 1, (int) Math.ceil((x + 1) * sx));
          double sum = 0;
          for (int yy = y0; yy < Math.min(y1, height); yy++) {
            for (int xx = x0; xx < Math.min(x1, width); xx++) sum += at(c, yy, xx);
          }
          int count = (Math.min(y1, height) - y0) * (Math.min(x1, width) - x0);
          out[(c * newHeight + y) * newWidth + x] = (float) (sum / count);
        }
      }
    }
    return new Raster(channels, newHeight, newWidth, out);
  }
}
