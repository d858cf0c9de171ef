package org.tdsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * argparse on the command line against Python's: for each command line in
 * src/test/golden/argparse/cli.json (what Python printed, made by generate.py there), `tdsl
 * cli.tdsl ARGS` exits with the same status and prints the same stdout and stderr: --help
 * (status 0), errors with the usage line (status 2), parsed namespaces.
 */
class ArgparseCommandLineTest {
  private static final Path DIR = Path.of("src/test/golden/argparse");

  @TestFactory
  @SuppressWarnings("unchecked")
  Stream<DynamicTest> commandLinesAsPythonParsesThem() throws IOException {
    List<Object> cases = (List<Object>) org.tdsl.io.Json.parse(Files.readString(DIR.resolve("cli.json")));
    return cases.stream().map(c -> (Map<String, Object>) c).map(c -> {
      List<String> args = new ArrayList<>();
      for (Object a : (List<Object>) c.get("args")) args.add((String) a);
      return DynamicTest.dynamicTest("cli.tdsl " + String.join(" ", args), () -> {
        List<String> all = new ArrayList<>(List.of(DIR.resolve("cli.tdsl").toString()));
        all.addAll(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            new ByteArrayInputStream(new byte[0])).run(all.toArray(String[]::new));
        assertEquals(c.get("out"), out.toString(StandardCharsets.UTF_8), "stdout");
        assertEquals(c.get("err"), err.toString(StandardCharsets.UTF_8), "stderr");
        assertEquals(((Number) c.get("status")).intValue(), status, "exit status");
      });
    });
  }
}
