package org.tdsl.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.tdsl.api.Session;
import org.tdsl.api.TdslException;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.bind.TdslLibrary;
import org.tdsl.io.DrawFile;
import org.tdsl.tensor.DrawReplay;

/**
 * Runs one corpus program through tdsl as PyTorch's run was made (generate.py): in a fresh
 * directory holding a copy of its folder, with its harness's argv and data, its random draws
 * replayed from the recording; reports how far it got.
 */
final class CorpusRun {
  static final Path MNIST_SAMPLE = Path.of("examples/data/mnist");

  /**
   * What a run came to: parsed? the error that stopped it (as a user sees it, and in one line
   * "line:col: message"), the output, draws not taken, the first difference from PyTorch's.
   */
  record Outcome(boolean parses, String error, String problem, String output, int drawsLeft, String difference) {
    boolean matches() { return error == null && drawsLeft == 0 && difference == null; }

    String status() {
      if (!parses) return "syntax error";
      if (error != null) return "runtime error";
      if (difference != null) return "output differs";
      if (drawsLeft != 0) return drawsLeft + " draws left";
      return "matches";
    }

    /** The first line of what went wrong, for the status table. */
    String firstProblem() {
      if (error != null) return problem;
      if (difference != null) return difference.lines().findFirst().orElse("");
      if (drawsLeft != 0) return "the program took fewer random draws than PyTorch's run recorded";
      return "";
    }
  }

  private CorpusRun() {}

  static Outcome run(CorpusProgram p, Path work) throws IOException {
    Path runDir = prepare(p, work);
    Path script = runDir.resolve(p.program());
    String source = Files.readString(script);
    try {
      new Interpreter(TdslLibrary.standard(), new PrintStream(OutputStream.nullOutputStream())).check(source, p.program());
    } catch (TdslError e) {
      String where = e.pos() == null ? "" : e.pos().line() + ":" + e.pos().col() + ": ";
      return new Outcome(false, e.format(), where + e.getMessage(), "", 0, null);
    }
    DrawReplay draws = DrawFile.read(p.draws());
    StringWriter out = new StringWriter(), err = new StringWriter();
    List<String> argv = new ArrayList<>(List.of(p.program()));
    argv.addAll(p.argv());
    String error = null, problem = null;
    try (Session s = Session.builder().output(out).errorOutput(err).fileRoot(runDir.getParent()).workingDirectory(runDir)
        .argv(argv).replayDraws(draws).timeLimit(Duration.ofMinutes(5)).build()) {
      s.eval(script);
    } catch (TdslException e) {
      error = e.formatted();
      problem = (e.line() > 0 ? e.line() + ":" + e.column() + ": " : "") + e.message();
    }
    String expected = Files.readString(p.expected());
    String output = out.toString();
    String difference = OutputComparison.difference(expected, output, p.rtol(), p.atol());
    return new Outcome(true, error, problem, output, draws.remaining(), difference);
  }

  /**
   * A copy of the program's folder in work/NAME/run, with the MNIST sample unpacked where its
   * harness says: inside work/NAME, so that '../data' (pytorch/examples' mnist/main.py) is the
   * program's own and within its file root, as generate.py lays it out.
   */
  static Path prepare(CorpusProgram p, Path work) throws IOException {
    Path runDir = work.resolve(p.name()).resolve("run");
    try (Stream<Path> files = Files.walk(p.dir())) {
      for (Path f : files.toList()) {
        Path to = runDir.resolve(p.dir().relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(to);
        else Files.copy(f, to);
      }
    }
    if (p.mnist() != null) {
      Path raw = runDir.resolve(p.mnist());
      Files.createDirectories(raw);
      try (Stream<Path> gz = Files.list(MNIST_SAMPLE)) {
        for (Path f : gz.filter(f -> f.toString().endsWith(".gz")).toList()) {
          String name = f.getFileName().toString();
          try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            Files.copy(in, raw.resolve(name.substring(0, name.length() - 3)));
          }
        }
      }
    }
    return runDir;
  }

}
