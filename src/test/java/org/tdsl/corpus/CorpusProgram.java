package org.tdsl.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tdsl.io.Json;

/**
 * One program of src/test/resources/corpus: its folder, the file to run and what its
 * harness.json asks for ({"program": "main.py", "argv": [...], "mnist": "data/MNIST/raw",
 * "rtol": 1e-4, "atol": 1e-5}, every key optional).
 */
record CorpusProgram(String name, Path dir, String program, List<String> argv, String mnist, double rtol, double atol) {
  /** The repository's corpus. */
  static final Path IN_REPO = Path.of("src/test/resources/corpus");
  /** The corpus CorpusTest runs: the repository's, or -Dtdsl.corpus=DIR (programs kept outside it). */
  static final Path CORPUS = Path.of(System.getProperty("tdsl.corpus", IN_REPO.toString()));

  /** Every program folder, by name. */
  static List<CorpusProgram> all() throws IOException {
    try (Stream<Path> dirs = Files.list(CORPUS)) {
      List<CorpusProgram> r = new ArrayList<>();
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) r.add(load(d));
      return r;
    }
  }

  /** The names in RUNS: the programs expected to run and match PyTorch (comments after #). */
  static List<String> runs() throws IOException {
    return Files.readAllLines(CORPUS.resolve("RUNS")).stream()
        .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
  }

  @SuppressWarnings("unchecked")
  static CorpusProgram load(Path dir) throws IOException {
    Path h = dir.resolve("harness.json");
    Map<String, Object> harness = Files.exists(h) ? (Map<String, Object>) Json.parse(Files.readString(h).strip()) : Map.of();
    List<String> argv = new ArrayList<>();
    for (Object a : (List<Object>) harness.getOrDefault("argv", List.of())) argv.add((String) a);
    return new CorpusProgram(dir.getFileName().toString(), dir, (String) harness.getOrDefault("program", "main.py"),
        List.copyOf(argv), (String) harness.get("mnist"), number(harness.getOrDefault("rtol", 1e-4)),
        number(harness.getOrDefault("atol", 1e-5)));
  }

  private static double number(Object v) {
    return ((Number) v).doubleValue();
  }

  Path expected() { return dir.resolve("expected.txt"); }

  Path draws() { return dir.resolve("draws.safetensors"); }
}
