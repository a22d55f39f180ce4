package io.slamon.core.config;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the configuration.
 *
 * @param file path relative to the config directory, {@code /}-separated
 * @param line 1-based line, or 0 when the problem concerns the file as a whole
 * @param field dotted path of the field, e.g. {@code contract.maintenanceWindows[1].start}; empty
 *     when the problem concerns the whole file
 * @param message what is wrong, and where possible what would be right
 */
public record ConfigProblem(String file, int line, String field, String message) {
  /** Orders problems by file, then line, then field, so reports are stable. */
  public static final Comparator<ConfigProblem> ORDER =
      Comparator.comparing(ConfigProblem::file)
          .thenComparingInt(ConfigProblem::line)
          .thenComparing(ConfigProblem::field)
          .thenComparing(ConfigProblem::message);

  public ConfigProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    field = field == null ? "" : field;
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
  }

  /**
   * Renders {@code file:line: field: message}, e.g. {@code tenants/acme.yaml:14: contract.rpo:
   * "1hour" is not a duration}; the line is left out when 0 and the field when empty.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (!field.isEmpty()) {
      sb.append(field).append(": ");
    }
    return sb.append(message).toString();
  }
}
