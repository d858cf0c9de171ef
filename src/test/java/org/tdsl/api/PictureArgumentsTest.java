package org.tdsl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save_image's scale= and labels=, plot's xlabel=, ylabel=, legend= and yscale=, as a script passes them. */
class PictureArgumentsTest {
  @TempDir Path root;
  Session session;

  @BeforeEach
  void setUp() {
    session = Session.builder().output(new StringWriter()).fileRoot(root).build();
    session.eval("k = rand(32, 1, 3, 3)\nloss = [2.3, 1.2, 0.6, 0.3, 0.2]");
  }

  BufferedImage image(String name) throws Exception {
    BufferedImage image = ImageIO.read(root.resolve(name).toFile());
    assertTrue(image != null, name);
    return image;
  }

  @Test
  void saveImageEnlargesSmallGridsUnlessScaleSaysOtherwise() throws Exception {
    session.eval("save_image(k, \"auto.png\", normalize=True)\n"
        + "save_image(k, \"raw.png\", normalize=True, scale=1)\n"
        + "save_image(k, \"two.png\", normalize=True, scale=2)");
    assertEquals(420, image("auto.png").getWidth());
    assertEquals(220, image("auto.png").getHeight());
    assertEquals(42, image("raw.png").getWidth());
    assertEquals(84, image("two.png").getWidth());
  }

  @Test
  void saveImageLabelsMayBeStringsNumbersOrATensor() throws Exception {
    session.eval("save_image(k, \"plain.png\", normalize=True)\n"
        + "save_image(k, \"labels.png\", normalize=True, labels=[str(i) for i in range(32)])\n"
        + "save_image(k[:4], \"t.png\", normalize=True, labels=tensor([7, 1, 2, 9]))");
    BufferedImage plain = image("plain.png"), labelled = image("labels.png");
    assertEquals(plain.getWidth(), labelled.getWidth());
    assertTrue(labelled.getHeight() > plain.getHeight());
    assertTrue(Files.exists(root.resolve("t.png")));
  }

  @Test
  void plotTakesMatplotlibsNames() throws Exception {
    session.eval("plot(loss, \"lin.png\", title=\"loss\", xlabel=\"batch\", ylabel=\"nll\")\n"
        + "plot(loss, \"log.png\", title=\"loss\", xlabel=\"batch\", ylabel=\"nll\", yscale=\"log\")\n"
        + "plot([loss, loss], \"legend.png\", labels=[\"a\", \"b\"], legend=False)");
    BufferedImage lin = image("lin.png"), log = image("log.png");
    int differing = 0;
    for (int y = 0; y < lin.getHeight(); y++) for (int x = 0; x < lin.getWidth(); x++) if (lin.getRGB(x, y) != log.getRGB(x, y)) differing++;
    assertNotEquals(0, differing, "the log axis draws another picture");
  }

  @Test
  void badValuesAreTdslErrors() {
    assertEquals("save_image(): scale must be a positive integer, got 0",
        assertThrows(TdslException.class, () -> session.eval("save_image(k, \"x.png\", scale=0)")).message());
    assertEquals("save_image: labels must have one entry per image: got 2 labels for 32 images",
        assertThrows(TdslException.class, () -> session.eval("save_image(k, \"x.png\", labels=[\"a\", \"b\"])")).message());
    assertEquals("save_image(): labels must be a list with one caption per image, not str",
        assertThrows(TdslException.class, () -> session.eval("save_image(k, \"x.png\", labels=\"a\")")).message());
    assertEquals("plot(): yscale must be 'linear' or 'log', not 'symlog'",
        assertThrows(TdslException.class, () -> session.eval("plot(loss, \"x.png\", yscale=\"symlog\")")).message());
  }
}
