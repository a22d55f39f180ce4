package io.slamon.core.internal;

import io.slamon.core.config.ConfigProblem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Lists and parses the YAML files of a config directory; the only file I/O in core. */
public final class ConfigFiles {
  private final Path dir;
  private final List<ConfigProblem> sink;

  public ConfigFiles(Path dir, List<ConfigProblem> sink) {
    this.dir = dir;
    this.sink = sink;
  }

  /** A parsed file: its problems collector and documents (empty after a syntax error). */
  public record Parsed(FileProblems problems, List<Node> documents) {}

  /** {@code *.yaml} and {@code *.yml} directly in {@code subdir}, sorted by name. */
  public List<String> list(String subdir) {
    Path d = dir.resolve(subdir);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
          .filter(n -> !n.startsWith("."))
          .sorted()
          .map(n -> subdir + "/" + n)
          .toList();
    } catch (IOException e) {
      sink.add(new ConfigProblem(subdir, 0, "", "cannot list directory: " + e.getMessage()));
      return List.of();
    }
  }

  public boolean exists(String relative) {
    return Files.isRegularFile(dir.resolve(relative));
  }

  /** Reads and parses {@code relative}; problems go to the sink. */
  public Parsed parse(String relative) {
    FileProblems problems = new FileProblems(relative, sink);
    String text;
    try {
      byte[] bytes = Files.readAllBytes(dir.resolve(relative));
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      problems.add(0, "", "is not UTF-8 text");
      return new Parsed(problems, List.of());
    } catch (IOException e) {
      problems.add(0, "", "cannot read: " + e.getMessage());
      return new Parsed(problems, List.of());
    }
    try {
      return new Parsed(problems, YamlTrees.readAll(text, problems));
    } catch (YamlTrees.SyntaxError e) {
      problems.add(e.line(), "", e.getMessage());
      return new Parsed(problems, List.of());
    }
  }

  /** Line of the key at {@code path} (map keys only) inside {@code root}, or the deepest found. */
  public static int lineOf(Node root, String... path) {
    int line = root == null ? 0 : root.line();
    Node cur = root;
    for (String key : path) {
      if (!(cur instanceof Node.MapNode m) || !m.entries().containsKey(key)) {
        return line;
      }
      Node.Entry e = m.entries().get(key);
      line = e.keyLine();
      cur = e.value();
    }
    return line;
  }
}
