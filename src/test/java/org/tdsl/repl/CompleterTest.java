package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompleterTest {
  @TempDir Path dir;
  final FakeBackend backend = new FakeBackend();
  TdslCompleter completer;

  @BeforeEach
  void setUp() throws Exception {
    backend.globals.put("weights", 1L);
    Files.createDirectories(dir.resolve("data/mnist"));
    Files.writeString(dir.resolve("net.safetensors"), "");
    Files.writeString(dir.resolve("lib.tdsl"), "");
    completer = new TdslCompleter(backend, dir);
  }

  private List<String> values(String buffer) {
    return completer.candidates(buffer, buffer.length()).stream().map(Candidate::value).sorted().toList();
  }

  private String word(String buffer) {
    return CompletionContext.at(buffer, buffer.length()).word();
  }

  @Test
  void aNameOffersVariablesBuiltinsAndKeywords() {
    List<String> names = values("x = we");
    assertTrue(names.containsAll(List.of("weights", "tensor", "mnist", "while", "for", "True")), names.toString());
    assertTrue(!names.contains("torch.tensor"), "dotted aliases are reached through their prefix");
    assertEquals("we", word("x = we"));
  }

  @Test
  void afterADotTheValuesAttributes() {
    assertEquals(List.of("backward", "grad", "grad_fn", "shape", "sum"), values("weights.gr"));
    assertEquals("gr", word("weights.gr"));
    assertEquals(List.of(), values("nothing."));
    assertEquals(List.of(), values("f(1).gr"), "a call is never run to complete after it");
    assertEquals(List.of(), values("x = 1."), "a float literal has no attributes");
  }

  @Test
  void insideACallItsKeywordArguments() {
    List<String> inTensor = values("t = tensor([1., 2.], req");
    assertTrue(inTensor.containsAll(List.of("requires_grad=", "dtype=", "data=", "weights")), inTensor.toString());
    List<String> inSum = values("weights.sum(di");
    assertTrue(inSum.containsAll(List.of("dim=", "keepdim=")), inSum.toString());
    assertTrue(!values("print(tensor([1]), ").contains("requires_grad="), "the closed inner call is not the enclosing one");
    assertTrue(values("print(tensor([1]), ").contains("sep="));
  }

  @Test
  void pathsInsideTheStringArgumentOfFileFunctions() {
    assertEquals(List.of("data/", "lib.tdsl", "net.safetensors"), values("import \""));
    assertEquals(List.of("data/mnist/"), values("train = mnist(\"data/"));
    assertEquals("data/", word("train = mnist(\"data/"));
    assertEquals(List.of("data/", "lib.tdsl", "net.safetensors"), values("load(net, 'n"));
    assertEquals(List.of(), values("print(\"da"), "an ordinary string offers nothing");
    assertEquals(List.of(), values("# weights"));
  }

  @Test
  void commandsAndTheirArguments() {
    assertTrue(values(":h").contains(":help"));
    assertTrue(values(":help te").containsAll(List.of("tensor", ":tape")));
    assertEquals(List.of(), values(":tape w"), "weights is an int: :tape offers tensors only");
    assertTrue(values(":load ").contains("lib.tdsl"));
    assertEquals(List.of("backward", "grad", "grad_fn", "shape", "sum"), values(":time weights."));
  }

  @Test
  void signaturesGiveTheirKeywordNames() {
    assertEquals(List.of("data", "requires_grad", "dtype"), Signatures.keywordNames("tensor(data, *, requires_grad=False, dtype=None)"));
    assertEquals(List.of("sep", "end"), Signatures.keywordNames("print(*values, sep=' ', end='\\n')"));
    assertEquals(List.of("size", "fill_value"), Signatures.keywordNames("full(size: tuple[int, int], fill_value) -> Tensor"));
  }
}
