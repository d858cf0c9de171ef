package org.tdsl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts that try to leave their file roots by "..", absolute paths and symbolic links, with
 * every builtin that opens a file: import, mnist, load, save, save_image, plot, save_graph.
 */
class FileRootsTest {
  @TempDir Path tmp;
  Path root;
  Path outside;
  Session session;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectory(tmp.resolve("root"));
    outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.tdsl"), "secret = 42\n");
    Files.createDirectory(outside.resolve("mnist"));
    session = Session.builder().output(new StringWriter()).fileRoot(root).build();
    session.eval("t = tensor([[0.5, 1.], [0., 0.25]], requires_grad=True)\ny = (t * 2).sum()");
  }

  private String refused(String code) {
    TdslException e = assertThrows(TdslException.class, () -> session.eval(code, "escape.tdsl"), code);
    assertEquals(TdslException.Kind.RUNTIME, e.kind());
    assertTrue(e.message().startsWith("PermissionError: "), e.message());
    assertEquals("escape.tdsl", e.file());
    assertEquals(1, e.line());
    return e.message();
  }

  private void assertNothingWrittenOutside() throws Exception {
    try (var files = Files.list(outside)) {
      assertEquals(2, files.count(), "only secret.tdsl and mnist/ are outside");
    }
  }

  @Test
  void dotDotIsRefusedByEveryBuiltin() throws Exception {
    assertEquals("PermissionError: '../outside/secret.tdsl' is outside the session's file roots",
        refused("import \"../outside/secret.tdsl\""));
    refused("mnist(\"../outside/mnist\")");
    refused("load(\"../outside/x.safetensors\")");
    refused("save(t, \"../outside/x.safetensors\")");
    refused("save_image(t, \"../outside/x.png\")");
    refused("plot([1, 2, 3], \"../outside/x.png\")");
    refused("save_graph(y, \"../outside/x.dot\")");
    refused("save(t, \"sub/../../outside/x.safetensors\")");
    assertFalse(session.has("secret"));
    assertNothingWrittenOutside();
  }

  @Test
  void absolutePathsOutsideAreRefused() throws Exception {
    String abs = outside.resolve("x.safetensors").toString();
    assertEquals("PermissionError: '" + abs + "' is outside the session's file roots", refused("save(t, \"" + abs + "\")"));
    refused("import \"" + outside.resolve("secret.tdsl") + "\"");
    refused("load(\"/etc/passwd\")");
    refused("mnist(\"" + outside.resolve("mnist") + "\")");
    refused("save_graph(y, \"/tmp/escape.dot\")");
    assertNothingWrittenOutside();
  }

  @Test
  void symbolicLinksPointingOutsideAreRefused() throws Exception {
    Files.createSymbolicLink(root.resolve("out"), outside);                                  // a directory link
    Files.createSymbolicLink(root.resolve("secret.tdsl"), outside.resolve("secret.tdsl"));  // a file link
    Files.createSymbolicLink(root.resolve("dangling.png"), outside.resolve("new.png"));     // a link to nothing yet
    refused("import \"secret.tdsl\"");
    refused("import \"out/secret.tdsl\"");
    refused("save(t, \"out/x.safetensors\")");
    refused("save_image(t, \"out/x.png\")");
    refused("plot([1, 2], \"out/deeper/x.png\")");
    refused("mnist(\"out/mnist\")");
    assertEquals("PermissionError: 'dangling.png' is a symbolic link to a file that does not exist",
        refused("save_image(t, \"dangling.png\")"));
    assertFalse(session.has("secret"));
    assertNothingWrittenOutside();
  }

  @Test
  void mnistFilesLinkedFromOutsideAreRefused() throws Exception {
    Path data = Files.createDirectory(root.resolve("data"));
    Files.writeString(outside.resolve("stolen"), "not an idx file");
    Files.createSymbolicLink(data.resolve("train-images-idx3-ubyte"), outside.resolve("stolen"));
    refused("mnist(\"data\")");
  }

  @Test
  void insideTheRootEverythingWorks() throws Exception {
    Files.createDirectory(root.resolve("sub"));
    Files.writeString(root.resolve("sub/lib.tdsl"), "def half(x) { return x / 2 }\n");
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("sub"));  // a link that stays inside
    session.eval("""
        import "sub/lib.tdsl"
        save(t, "w.safetensors")
        back = load("sub/../w.safetensors")
        save_image(t, "alias/img.png")
        plot([3, 1, 2], "plot.png")
        save_graph(y, "graph.dot")
        h = half(10)
        """);
    assertEquals(5.0, session.get("h"));
    assertEquals(1L, session.eval("len(back)"));
    for (String f : new String[] {"w.safetensors", "sub/img.png", "plot.png", "graph.dot"}) {
      assertTrue(Files.size(root.resolve(f)) > 0, f);
    }
    String abs = root.resolve("w.safetensors").toString();
    assertEquals(1L, session.eval("len(load(\"" + abs + "\"))"));
  }

  @Test
  void readOnlyRootsAllowReadingButNotWriting() throws Exception {
    Path data = Files.createDirectory(tmp.resolve("data"));
    Files.writeString(data.resolve("lib.tdsl"), "answer = 42\n");
    Session s = Session.builder().output(new StringWriter()).fileRoot(root).readOnlyRoot(data).build();
    s.eval("import \"" + data.resolve("lib.tdsl") + "\"");
    assertEquals(42L, s.get("answer"));
    TdslException e = assertThrows(TdslException.class,
        () -> s.eval("save(tensor([1.]), \"" + data.resolve("x.safetensors") + "\")"));
    assertTrue(e.message().startsWith("PermissionError: ") && e.message().endsWith("is in a read-only file root of this session"),
        e.message());
    assertFalse(Files.exists(data.resolve("x.safetensors")));
  }

  @Test
  void withoutRootsNoFileOpensAndUnrestrictedIsTheCommandLinesRule() throws Exception {
    Session none = Session.builder().output(new StringWriter()).build();
    TdslException e = assertThrows(TdslException.class,
        () -> none.eval("save(tensor([1.]), \"" + root.resolve("x.safetensors") + "\")"));
    assertTrue(e.message().endsWith("is outside the session's file roots (it has none)"), e.message());

    Session open = Session.builder().output(new StringWriter()).unrestrictedFiles().build();
    open.eval("import \"" + outside.resolve("secret.tdsl") + "\"");
    assertEquals(42L, open.get("secret"));
  }

  @Test
  void theWorkingDirectoryIsTheFirstRootUnlessTheHostSaysOtherwise() throws Exception {
    Path sub = Files.createDirectory(root.resolve("work"));
    Session s = Session.builder().output(new StringWriter()).fileRoot(root).workingDirectory(sub).build();
    s.eval("save(tensor([1.]), \"a.safetensors\")");
    assertTrue(Files.exists(sub.resolve("a.safetensors")));
    session.eval("save(tensor([1.]), \"b.safetensors\")");
    assertTrue(Files.exists(root.resolve("b.safetensors")));
  }
}
