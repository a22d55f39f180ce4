package io.slamon.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus relabel rule (subset: actions replace, keep, drop, labelmap). The regex is anchored
 * at both ends as in Prometheus; replacements use {@code $1} or {@code ${1}}.
 */
public record RelabelConfig(
    List<String> sourceLabels,
    String separator,
    Pattern regex,
    String targetLabel,
    String replacement,
    Action action) {
  public static final String DEFAULT_REGEX = "(.*)";

  /** Relabel actions slamon supports. */
  public enum Action implements ConfigEnum {
    REPLACE,
    KEEP,
    DROP,
    LABELMAP;

    @Override
    public String configName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public RelabelConfig {
    sourceLabels = List.copyOf(sourceLabels);
    Objects.requireNonNull(separator, "separator");
    Objects.requireNonNull(regex, "regex");
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(action, "action");
    if (action == Action.REPLACE && targetLabel == null) {
      throw new IllegalArgumentException("action replace needs target_label");
    }
    if ((action == Action.KEEP || action == Action.DROP) && sourceLabels.isEmpty()) {
      throw new IllegalArgumentException("action " + action.configName() + " needs source_labels");
    }
  }

  /** Compiles a user regex with Prometheus' implicit anchoring. */
  public static Pattern anchored(String regex) {
    return Pattern.compile("^(?:" + regex + ")$");
  }

  /**
   * Applies this rule to {@code labels}; empty means the series/target is dropped. The input map
   * is not modified.
   */
  public Optional<Map<String, String>> apply(Map<String, String> labels) {
    String value = sourceValue(labels);
    Matcher m = regex.matcher(value);
    switch (action) {
      case KEEP -> {
        return m.matches() ? Optional.of(labels) : Optional.empty();
      }
      case DROP -> {
        return m.matches() ? Optional.empty() : Optional.of(labels);
      }
      case REPLACE -> {
        if (!m.matches()) {
          return Optional.of(labels);
        }
        String target = expand(m, targetLabel);
        String result = expand(m, replacement);
        Map<String, String> out = new LinkedHashMap<>(labels);
        if (result.isEmpty()) {
          out.remove(target);
        } else {
          out.put(target, result);
        }
        return Optional.of(out);
      }
      case LABELMAP -> {
        Map<String, String> out = new LinkedHashMap<>(labels);
        for (Map.Entry<String, String> e : labels.entrySet()) {
          Matcher lm = regex.matcher(e.getKey());
          if (lm.matches()) {
            out.put(expand(lm, replacement), e.getValue());
          }
        }
        return Optional.of(out);
      }
      default -> throw new IllegalStateException(action.toString());
    }
  }

  private String sourceValue(Map<String, String> labels) {
    List<String> values = new ArrayList<>(sourceLabels.size());
    for (String l : sourceLabels) {
      values.add(labels.getOrDefault(l, ""));
    }
    return String.join(separator, values);
  }

  // Prometheus expands $1 and ${1}; unknown groups become empty strings.
  private static final Pattern GROUP_REF = Pattern.compile("\\$(?:\\{(\\w+)}|(\\d+))");

  private static String expand(Matcher m, String template) {
    Matcher r = GROUP_REF.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (r.find()) {
      String name = r.group(1) != null ? r.group(1) : r.group(2);
      String v = "";
      try {
        v = name.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(name)) : m.group(name);
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        v = "";
      }
      r.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v));
    }
    r.appendTail(sb);
    return sb.toString();
  }
}
