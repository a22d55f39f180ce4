package io.slamon.core.config;

import java.util.List;

/**
 * The outcome of {@link ConfigLoader#load}: either a config and no problems, or problems and a
 * null config. There are no warnings: anything worth saying is an error, so a config either loads
 * or it does not.
 */
public record ConfigResult(SlamonConfig config, List<ConfigProblem> problems) {
  public ConfigResult {
    problems = List.copyOf(problems);
    if (config == null && problems.isEmpty()) {
      throw new IllegalArgumentException("a failed result needs at least one problem");
    }
    if (config != null && !problems.isEmpty()) {
      throw new IllegalArgumentException("a result with problems must not carry a config");
    }
  }

  /** True when the configuration is valid. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** The problems rendered one per line, in file/line order (what {@code config check} prints). */
  public String report() {
    StringBuilder sb = new StringBuilder();
    problems.stream().sorted(ConfigProblem.ORDER).forEach(p -> sb.append(p).append('\n'));
    return sb.toString();
  }
}
