package io.slamon.collector.exposition;

import java.util.Objects;

/**
 * A line the parser skipped, with the reason.
 *
 * @param line 1-based line number in the page
 * @param message what was expected and what was found
 */
public record ParseError(int line, String message) {
  public ParseError {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, got " + line);
    }
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "line " + line + ": " + message;
  }
}
