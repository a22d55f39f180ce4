package io.slamon.core.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads YAML text (one or several {@code ---} documents) into located {@link Node} trees. */
public final class YamlTrees {
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  /** Thrown for YAML syntax errors, carrying the parser's line. */
  public static final class SyntaxError extends Exception {
    private final int line;

    SyntaxError(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /**
   * Parses all documents in {@code text}. Duplicate keys are reported to {@code problems} (the
   * later value wins, as in most YAML loaders) rather than aborting, so one file can yield many
   * problems.
   */
  public static List<Node> readAll(String text, FileProblems problems) throws SyntaxError {
    List<Node> documents = new ArrayList<>();
    try (YAMLParser parser = FACTORY.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        documents.add(new YamlTrees(problems).read(parser, token, ""));
      }
    } catch (StreamReadException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw syntaxError(line, e.getOriginalMessage());
    } catch (IOException e) {
      throw new SyntaxError(0, "cannot read: " + e.getMessage());
    }
    return documents;
  }

  private final FileProblems problems;
  // Jackson reports anchors of mappings and sequences but not of scalars, so only those resolve.
  private final Map<String, Node> anchors = new HashMap<>();

  private YamlTrees(FileProblems problems) {
    this.problems = problems;
  }

  private Node read(YAMLParser p, JsonToken token, String path) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    String anchor = p.getObjectId() instanceof String a ? a : null;
    Node node = readValue(p, token, path, line);
    if (anchor != null && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private Node readValue(YAMLParser p, JsonToken token, String path, int line) throws IOException {
    if (token == JsonToken.VALUE_STRING && p.isCurrentAlias()) {
      Node target = anchors.get(p.getText());
      if (target != null) {
        return target;
      }
      problems.add(
          line,
          path,
          "alias *" + p.getText() + " cannot be resolved (only anchors on mappings and lists are"
              + " supported; write the value out)");
      return new Node.Scalar(line, null, "null");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          String child = path.isEmpty() ? key : path + "." + key;
          Node value = read(p, p.nextToken(), child);
          if (entries.containsKey(key)) {
            problems.add(keyLine, child, "duplicate key '" + key + "'");
          }
          entries.put(key, new Node.Entry(keyLine, value));
        }
        return new Node.MapNode(line, entries);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken t;
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(p, t, path + "[" + i++ + "]"));
        }
        return new Node.ListNode(line, items);
      }
      case VALUE_STRING -> {
        return new Node.Scalar(line, p.getText(), p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Node.Scalar(line, p.getNumberValue(), p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.Scalar(line, p.getBooleanValue(), p.getText());
      }
      case VALUE_NULL -> {
        return new Node.Scalar(line, null, "null");
      }
      default -> {
        // Embedded binary (!!binary) and the like have no place in slamon config.
        return new Node.Scalar(line, p.getText(), p.getText());
      }
    }
  }

  /**
   * SnakeYAML messages read "context / in 'reader', line L / snippet / problem / in 'reader', line
   * N / snippet". Keep the problem and its line N (where the parser gave up), and mention the
   * context with its line, e.g. "expected ',' or ']' (while parsing a flow sequence started on
   * line 2)".
   */
  static SyntaxError syntaxError(int fallbackLine, String message) {
    if (message == null) {
      return new SyntaxError(fallbackLine, "invalid YAML");
    }
    Pattern mark = Pattern.compile("\\s*in '[^']*', line (\\d+), column \\d+:?");
    List<String> texts = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (String l : message.split("\n")) {
      Matcher m = mark.matcher(l);
      if (m.matches()) {
        lines.add(Integer.parseInt(m.group(1)));
      } else if (!l.isBlank() && !l.startsWith(" ")) {
        texts.add(l.strip());
      }
    }
    if (texts.isEmpty()) {
      return new SyntaxError(fallbackLine, "invalid YAML");
    }
    int line = lines.isEmpty() ? fallbackLine : lines.get(lines.size() - 1);
    String text = texts.get(texts.size() - 1);
    if (texts.size() > 1) {
      text += " (" + texts.get(0) + (lines.size() > 1 ? " started on line " + lines.get(0) : "") + ")";
    }
    return new SyntaxError(line, "invalid YAML: " + text);
  }
}
