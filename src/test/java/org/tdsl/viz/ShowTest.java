package org.tdsl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tdsl.data.Mnist;
import org.tdsl.tensor.Tensor;

class ShowTest {
  static String show(Tensor t, boolean color, int columns) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Viz.show(t, new PrintStream(bytes, true, StandardCharsets.UTF_8), color, columns);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static Tensor firstTestDigit() {
    return new Mnist("examples/data/mnist", false).get(0)[0];
  }

  @Test
  void asciiRampFromDarkToBrightTwoCharactersPerPixel() {
    Tensor t = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
    // normalised 0, .2, .4, .6, .8, 1 -> ramp steps 0, 2, 4, 6, 8, 9
    assertEquals("  ::==\n**%%@@\n", show(t, false, 80));
  }

  @Test
  void asciiShrinksToFitColumnsByAveraging() {
    float[] v = new float[8 * 16];
    for (int y = 0; y < 8; y++) for (int x = 8; x < 16; x++) v[y * 16 + x] = 1;  // right half bright
    String out = show(Tensor.of(v, 8, 16), false, 8);
    // 16 px wide into 8 columns: 2 px per character, 4 px per line to keep the aspect
    assertEquals("    @@@@\n    @@@@\n", out);
  }

  @Test
  void asciiDigitIsDrawnPixelByPixel() {
    Tensor digit = firstTestDigit();
    String[] lines = show(digit, false, 80).split("\n", -1);
    assertEquals(29, lines.length);  // 28 rows and the final newline
    float[] v = digit.toFloatArray();
    float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
    for (float x : v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    int ink = 0;
    for (int y = 0; y < 28; y++) {
      assertTrue(lines[y].length() <= 56, lines[y]);
      for (int x = 0; x < 28; x++) {
        float n = (v[y * 28 + x] - lo) / (hi - lo);
        char c = 2 * x < lines[y].length() ? lines[y].charAt(2 * x) : ' ';
        if (n >= 0.9f) { assertEquals('@', c, "row " + y + " col " + x); ink++; }
        if (n < 0.1f) assertEquals(' ', c, "row " + y + " col " + x);
      }
    }
    assertTrue(ink > 40, "a digit has strokes: " + ink);
  }

  @Test
  void colourUsesUpperHalfBlocksTopPixelForegroundBottomBackground() {
    Tensor t = Tensor.of(new float[] {0, 1, 1, 0}, 2, 2);
    String expected = "\033[38;2;0;0;0m\033[48;2;255;255;255m\u2580"
        + "\033[38;2;255;255;255m\033[48;2;0;0;0m\u2580\033[0m\n";
    assertEquals(expected, show(t, true, 80));
  }

  @Test
  void colourOddLastRowKeepsTheTerminalBackground() {
    Tensor t = Tensor.of(new float[] {0, 1}, 1, 2);
    assertEquals("\033[38;2;0;0;0m\033[49m\u2580\033[38;2;255;255;255m\u2580\033[0m\n", show(t, true, 80));
  }

  @Test
  void colourDigitDecodesBackToItsPixels() {
    Tensor digit = firstTestDigit();
    int[][] pixels = decodeAnsi(show(digit, true, 80));
    assertEquals(28, pixels.length);
    assertEquals(28, pixels[0].length);
    float[] v = digit.toFloatArray();
    float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
    for (float x : v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        int expected = (int) Math.min(255f, (v[y * 28 + x] - lo) / (hi - lo) * 255f + 0.5f);
        assertEquals(expected, pixels[y][x], 1, "pixel " + y + "," + x);
      }
    }
  }

  @Test
  void colourShrinksToColumns() {
    Tensor big = Tensor.rand(1, 60, 200);
    int[][] pixels = decodeAnsi(show(big, true, 50));
    assertEquals(50, pixels[0].length);
    assertEquals(15, pixels.length);  // 200 -> 50 across, 60 -> 15 down
  }

  @Test
  void batchIsAGridWithPadding() {
    // four 2x2 images (N×H×W): one row, 2 px of black around and between
    Tensor t = Tensor.of(new float[] {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4}, 4, 2, 2);
    int[][] pixels = decodeAnsi(show(t, true, 80));
    assertEquals(6, pixels.length);
    assertEquals(18, pixels[0].length);
    assertEquals(0, pixels[0][2]);        // padding
    assertEquals(0, pixels[2][2]);        // image 1, normalised over 1..4
    assertEquals(85, pixels[2][6]);       // image 2
    assertEquals(170, pixels[3][11]);     // image 3
    assertEquals(255, pixels[3][15]);     // image 4
    assertEquals(0, pixels[2][8]);        // gap between images
    assertEquals(0, pixels[5][15]);       // bottom padding
  }

  @Test
  void asciiBatchIsDrawnImageByImageSideBySideAsManyAsFit() {
    // three 2×2 images (3×H×W would be RGB), normalised together over 0..1; in 10 columns two fit per row
    Tensor t = Tensor.of(new float[] {0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1}, 3, 1, 2, 2);
    assertEquals("  @@  @@@@\n@@\n\n@@\n  @@\n", show(t, false, 10));
    // in 80 columns all three sit in one row
    assertEquals("  @@  @@@@  @@\n@@            @@\n", show(t, false, 80));
  }

  @Test
  void asciiBatchOfEightDigitsStaysReadable() {
    Mnist test = new Mnist("examples/data/mnist", false);
    float[] v = new float[8 * 784];
    for (int k = 0; k < 8; k++) System.arraycopy(test.get(k)[0].toFloatArray(), 0, v, k * 784, 784);
    String[] lines = show(Tensor.of(v, 8, 1, 28, 28), false, 80).split("\n", -1);
    // two digits of 14×14 (28 characters) per row of 80 columns: four rows of 14 lines, blank lines between
    assertEquals(4 * 14 + 3 + 1, lines.length);
    for (String line : lines) assertTrue(line.length() <= 28 + 2 + 28, line);
    for (int row = 0; row < 4; row++) {
      int ink = 0;
      for (int y = 0; y < 14; y++) ink += lines[row * 15 + y].replace(" ", "").length();
      assertTrue(ink > 60, "row " + row + " has digits: " + ink);
    }
    for (int row = 1; row < 4; row++) assertEquals("", lines[row * 15 - 1], "blank line between rows of digits");
    // at 120 columns four fit: two rows
    assertEquals(2 * 14 + 1 + 1, show(Tensor.of(v, 8, 1, 28, 28), false, 120).split("\n", -1).length);
  }

  @Test
  void badShapesAreClearErrors() {
    var e = assertThrows(IllegalArgumentException.class, () -> show(Tensor.zeros(5), false, 80));
    assertTrue(e.getMessage().contains("got a 1-D tensor of shape [5]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> show(Tensor.zeros(2, 2, 4, 4), false, 80));
    assertTrue(e.getMessage().contains("1 (gray) or 3 (RGB) channels, got 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> show(Tensor.zeros(0, 3), false, 80));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> show(Tensor.zeros(2, 2), false, 0));
  }

  /** Gray levels back from "ESC[38;2;g;g;gm ESC[48;2;g;g;gm ▀" cells (upper pixel fg, lower bg). */
  static int[][] decodeAnsi(String text) {
    Pattern token = Pattern.compile("\033\\[(38|48);2;(\\d+);(\\d+);(\\d+)m|\033\\[(49|0)m|\u2580|\n");
    List<int[]> rows = new ArrayList<>();
    List<Integer> top = new ArrayList<>(), bottom = new ArrayList<>();
    int fg = -1, bg = -1;
    boolean hasBottom = true;
    Matcher m = token.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        int g = Integer.parseInt(m.group(2));
        assertEquals(m.group(2), m.group(3));
        assertEquals(m.group(2), m.group(4));
        if (m.group(1).equals("38")) fg = g; else { bg = g; hasBottom = true; }
      } else if ("49".equals(m.group(5))) {
        hasBottom = false;
      } else if (m.group().equals("\u2580")) {
        top.add(fg);
        bottom.add(bg);
      } else if (m.group().equals("\n")) {
        rows.add(top.stream().mapToInt(Integer::intValue).toArray());
        if (hasBottom) rows.add(bottom.stream().mapToInt(Integer::intValue).toArray());
        top.clear();
        bottom.clear();
      }
    }
    return rows.toArray(int[][]::new);
  }
}
