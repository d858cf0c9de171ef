package org.tdsl.viz;

/**
 * Where make_grid puts each of n tiles of h×w pixels: {@code across} per row, {@code down}
 * rows, {@code padding} pixels around and between them. One image alone has no padding.
 */
record GridLayout(int n, int across, int down, int tileHeight, int tileWidth, int padding) {
  int height() { return down * (tileHeight + padding) + padding; }

  int width() { return across * (tileWidth + padding) + padding; }

  int top(int k) { return (k / across) * (tileHeight + padding) + padding; }

  int left(int k) { return (k % across) * (tileWidth + padding) + padding; }

  /** The same grid with every length multiplied by {@code factor} (nearest-neighbour enlarging). */
  GridLayout times(int factor) {
    return new GridLayout(n, across, down, tileHeight * factor, tileWidth * factor, padding * factor);
  }
}
