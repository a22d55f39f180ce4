package io.slamon.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The monthly report schedule ({@code reports:} in {@code slamon.yaml}, docs/reports.md).
 *
 * @param enabled issue each tenant's report of the closed month automatically ({@code serve})
 * @param day day of the new month (1–28, every month has it) in the tenant's time zone
 * @param hour hour of that day (0–23), local time of the tenant
 * @param languages the languages issued, each once (supported: {@link #LANGUAGES})
 */
public record Reports(boolean enabled, int day, int hour, List<String> languages) {
  /** The languages the report templates have resource bundles for. */
  public static final List<String> LANGUAGES = List.of("de", "en");

  public static final Reports DEFAULT = new Reports(true, 1, 6, LANGUAGES);

  public Reports {
    if (day < 1 || day > 28) {
      throw new IllegalArgumentException("day must be 1 to 28 (every month has it), was " + day);
    }
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour must be 0 to 23, was " + hour);
    }
    languages = List.copyOf(Objects.requireNonNull(languages, "languages"));
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("languages must name at least one of " + LANGUAGES);
    }
    var seen = new HashSet<String>();
    for (String l : languages) {
      if (!LANGUAGES.contains(l)) {
        throw new IllegalArgumentException("language '" + l + "' is not supported (use " + String.join(", ", LANGUAGES) + ")");
      }
      if (!seen.add(l)) {
        throw new IllegalArgumentException("language '" + l + "' is listed twice");
      }
    }
  }
}
