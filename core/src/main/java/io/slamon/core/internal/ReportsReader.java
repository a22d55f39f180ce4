package io.slamon.core.internal;

import io.slamon.core.config.Reports;
import java.util.HashSet;
import java.util.List;

/** Reads the {@code reports} section of {@code slamon.yaml}: {@code enabled}, {@code schedule: {day, hour}}, {@code languages}. */
final class ReportsReader {
  private ReportsReader() {}

  static Reports read(Fields f) {
    boolean enabled = f.bool("enabled", Reports.DEFAULT.enabled());
    int[] when = {Reports.DEFAULT.day(), Reports.DEFAULT.hour()};
    f.object("schedule", g -> {
      Integer day = g.integer("day", 1, 28, Reports.DEFAULT.day());
      Integer hour = g.integer("hour", 0, 23, Reports.DEFAULT.hour());
      g.finish();
      when[0] = day == null ? when[0] : day;
      when[1] = hour == null ? when[1] : hour;
      return null;
    });
    List<String> languages = Reports.DEFAULT.languages();
    if (f.has("languages")) {
      languages = f.strings("languages");
      if (languages.isEmpty()) {
        f.error("languages", "must name at least one of " + String.join(", ", Reports.LANGUAGES));
      }
      var seen = new HashSet<String>();
      for (String l : languages) {
        if (!Reports.LANGUAGES.contains(l)) {
          f.error("languages", "'" + l + "' is not supported" + Suggestions.hint(l, Reports.LANGUAGES));
        } else if (!seen.add(l)) {
          f.error("languages", "'" + l + "' is listed twice");
        }
      }
    }
    List<String> langs = languages;
    return f.build(() -> new Reports(enabled, when[0], when[1], langs)); // null when anything above (or below) was wrong
  }
}
