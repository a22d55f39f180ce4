package io.slamon.core.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the 1-based line it starts on. Jackson's {@code JsonNode} forgets locations,
 * and every config problem must name its line, so the loader builds this small tree instead.
 */
public sealed interface Node {
  int line();

  /** A short description of the node's type for "expected X but found Y" messages. */
  String describe();

  /** A mapping; entries keep file order, each with the line of its key. */
  record MapNode(int line, Map<String, Entry> entries) implements Node {
    public MapNode {
      entries = new LinkedHashMap<>(entries);
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** One key of a mapping. */
  record Entry(int keyLine, Node value) {}

  /** A sequence. */
  record ListNode(int line, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar: {@code value} is a String, Boolean, a Number (Integer, Long, BigInteger, Double,
   * BigDecimal) or null, as YAML's core schema resolved it; {@code text} is the source text.
   */
  record Scalar(int line, Object value, String text) implements Node {
    @Override
    public String describe() {
      if (value == null) {
        return "null";
      }
      if (value instanceof Boolean) {
        return "a boolean";
      }
      if (value instanceof Number) {
        return "a number";
      }
      return "a string";
    }
  }
}
