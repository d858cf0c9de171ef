package org.tdsl.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.io.DrawFile;

/**
 * The corpus of PyTorch programs (src/test/resources/corpus, README.md there): each program
 * listed in RUNS runs unchanged through tdsl, with PyTorch's random draws replayed, and prints
 * what PyTorch printed. The others are not failures yet: {@link #statusOfEveryProgram} runs
 * them all and prints (and writes to target/corpus-status.md) how far each gets.
 */
class CorpusTest {
  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> programsInRunsPrintWhatPyTorchPrinted() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : CorpusProgram.runs()) {
      tests.add(DynamicTest.dynamicTest(name, () -> {
        CorpusProgram p = CorpusProgram.load(CorpusProgram.CORPUS.resolve(name));
        CorpusRun.Outcome o = CorpusRun.run(p, work);
        if (!o.matches()) {
          fail(name + ": " + o.status() + "\n" + (o.error() != null ? o.error() : "")
              + (o.difference() != null ? o.difference() : "") + "\n--- tdsl printed:\n" + o.output());
        }
      }));
    }
    return tests.stream();
  }

  /** Every program folder is complete (program, SOURCE.md, PyTorch's output, readable draws) and RUNS names only programs. */
  @Test
  void everyProgramHasItsSourceOutputAndDraws() throws IOException {
    List<CorpusProgram> all = CorpusProgram.all();
    if (CorpusProgram.CORPUS.equals(CorpusProgram.IN_REPO)) assertTrue(all.size() >= 18, "the corpus has " + all.size() + " programs");
    List<String> names = all.stream().map(CorpusProgram::name).toList();
    for (String r : CorpusProgram.runs()) assertTrue(names.contains(r), "RUNS names " + r + ", which is not a corpus program");
    for (CorpusProgram p : all) {
      assertTrue(Files.exists(p.dir().resolve(p.program())), p.name() + ": no " + p.program());
      assertTrue(Files.exists(p.dir().resolve("SOURCE.md")), p.name() + ": no SOURCE.md");
      assertTrue(Files.size(p.expected()) > 0, p.name() + ": empty expected.txt");
      assertTrue(Files.size(p.draws()) < 1_000_000, p.name() + ": draws over 1 MB");
      DrawFile.read(p.draws());
    }
  }

  /**
   * Where each program stands: parses? runs? matches? and the first error. Prints a table
   * and does not fail on a program's status (RUNS is the list that must pass); it does fail
   * when a program in RUNS no longer matches, so RUNS and the table cannot disagree.
   */
  @Test
  void statusOfEveryProgram() throws IOException {
    StringBuilder table = new StringBuilder("| program | parses | runs | matches | first problem |\n|---|---|---|---|---|\n");
    List<String> runs = CorpusProgram.runs();
    List<String> broken = new ArrayList<>();
    for (CorpusProgram p : CorpusProgram.all()) {
      CorpusRun.Outcome o = CorpusRun.run(p, work);
      table.append("| ").append(p.name()).append(" | ").append(yes(o.parses())).append(" | ")
          .append(yes(o.parses() && o.error() == null)).append(" | ").append(yes(o.matches())).append(" | ")
          .append(o.firstProblem().replace("|", "\\|")).append(" |\n");
      if (runs.contains(p.name()) && !o.matches()) broken.add(p.name());
    }
    System.out.println("Corpus status (src/test/resources/corpus):\n" + table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/corpus-status.md"), table);
    assertEquals(List.of(), broken, "programs in RUNS that do not match PyTorch");
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
