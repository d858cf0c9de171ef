package org.tdsl.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/** A console on an xterm-like test terminal: keys go in through a pipe, the screen bytes are collected. */
final class Session implements AutoCloseable {
  final FakeBackend backend;
  private final PipedOutputStream keys = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final Terminal terminal;
  private final Thread thread;
  private volatile int status = -1;

  Session(Path history) throws IOException {
    this(history, null);
  }

  /** A console over {@code backends} (given the stream it prints to), or over a {@link FakeBackend} when null. */
  Session(Path history, java.util.function.Function<PrintStream, ReplBackend> backends) throws IOException {
    PipedInputStream in = new PipedInputStream(keys, 1 << 16);
    terminal = new ExternalTerminal("test", "xterm", in, screen, StandardCharsets.UTF_8);
    terminal.setSize(new Size(100, 30));
    PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
    ReplBackend real;
    if (backends == null) {
      backend = new FakeBackend();
      backend.out = out;
      real = backend;
    } else {
      backend = null;
      real = backends.apply(out);
    }
    Console console = new Console(terminal, real, out, history);
    thread = new Thread(() -> status = console.run(), "console");
    thread.start();
  }

  Session type(String text) {
    try {
      keys.write(text.getBytes(StandardCharsets.UTF_8));
      keys.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Waits until the screen shows {@code text}; fails the test if it does not within 10 s. */
  Session awaitScreen(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!screen().contains(text)) {
      if (System.nanoTime() > deadline) throw new AssertionError("the screen never showed " + text + ":\n" + screen());
      Thread.sleep(10);
    }
    return this;
  }

  /** Waits until the console has run {@code n} chunks in all. */
  Session awaitChunks(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (backend.chunks.size() < n && System.nanoTime() < deadline) Thread.sleep(10);
    Thread.sleep(100);  // let the echo reach the screen
    return this;
  }

  /** Closes the keyboard (Ctrl-D at the end of input) and returns the exit status. */
  int finish() throws Exception {
    keys.close();
    thread.join(10_000);
    return status;
  }

  boolean running() {
    return thread.isAlive();
  }

  /** The screen text with escape sequences removed. */
  String screen() {
    return plain(screen.toString(StandardCharsets.UTF_8));
  }

  static String plain(String ansi) {
    return ansi.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\u001B[()][0-9A-Za-z]", "")
        .replaceAll("\u001B[=>]", "").replace("\r", "");
  }

  @Override
  public void close() throws Exception {
    keys.close();
    thread.join(10_000);
    terminal.close();
  }
}
