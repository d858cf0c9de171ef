package org.tdsl.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion by context; see {@link CompletionContext} for how the context is found. */
final class TdslCompleter implements Completer {
  private final ReplBackend backend;
  private final Path workingDirectory;

  TdslCompleter(ReplBackend backend, Path workingDirectory) {
    this.backend = backend;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    candidates.addAll(candidates(line.line(), line.cursor()));
  }

  List<Candidate> candidates(String buffer, int cursor) {
    CompletionContext at = CompletionContext.at(buffer, cursor);
    List<Candidate> out = new ArrayList<>();
    switch (at.kind()) {
      case NAME -> {
        if (at.target() != null) keywordArguments(at.target(), out);
        for (String name : backend.names()) out.add(plain(name, "variables", null));
        for (var b : backend.builtins()) {
          if (!b.name().contains(".")) out.add(plain(b.name(), "builtins", b.help()));
        }
        for (String k : Scan.KEYWORDS) out.add(plain(k, "keywords", null));
      }
      case ATTRIBUTE -> {
        for (String name : backend.attributes(at.target())) out.add(plain(name, null, null));
      }
      case PATH -> paths(at.word(), out);
      case COMMAND -> {
        for (var c : Commands.ALL) out.add(new Candidate(c.name(), c.name(), null, c.help(), null, null, true));
      }
      case TENSOR_NAME -> {
        for (var v : backend.variables()) if (v.kind().equals("Tensor")) out.add(plain(v.name(), "tensors", v.shape()));
      }
      case HELP_TOPIC -> {
        for (String topic : HelpTopics.names()) out.add(plain(topic, "topics", null));
        for (var b : backend.builtins()) out.add(plain(b.name(), "builtins", b.help()));
        for (var c : Commands.ALL) out.add(plain(c.name(), "commands", c.help()));
      }
      case NONE -> {}
    }
    return out;
  }

  /** {@code requires_grad=} and friends, read from the builtin's signature; the call may be a method ({@code x.sum(}). */
  private void keywordArguments(String callee, List<Candidate> out) {
    List<String> known = backend.keywordNames(callee);
    if (!known.isEmpty()) {
      for (String p : known) out.add(new Candidate(p + "=", p + "=", "arguments", null, null, null, false));
      return;
    }
    String name = CompletionContext.lastPart(callee);
    for (var b : backend.builtins()) {
      if (b.name().equals(callee) || b.name().equals(name)) {
        for (String p : Signatures.keywordNames(b.signature())) {
          out.add(new Candidate(p + "=", p + "=", "arguments", null, null, null, false));
        }
        return;
      }
    }
  }

  private void paths(String typed, List<Candidate> out) {
    int slash = typed.lastIndexOf('/');
    String dirPart = slash < 0 ? "" : typed.substring(0, slash + 1);
    Path dir = dirPart.isEmpty() ? workingDirectory : workingDirectory.resolve(expandHome(dirPart));
    try (Stream<Path> entries = Files.list(dir)) {
      entries.forEach(p -> {
        String name = p.getFileName().toString();
        boolean isDir = Files.isDirectory(p);
        String value = dirPart + name + (isDir ? "/" : "");
        out.add(new Candidate(value, name + (isDir ? "/" : ""), null, null, null, null, false));
      });
    } catch (IOException | RuntimeException e) {
      // no such directory yet: nothing to offer
    }
  }

  private static String expandHome(String path) {
    return path.startsWith("~/") ? Repl.home() + path.substring(1) : path;
  }

  private static Candidate plain(String value, String group, String help) {
    // not "complete": JLine would add a space, and after a name one types a dot or a bracket
    return new Candidate(value, value, group, help, null, null, false);
  }
}
