package io.slamon.core.internal;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Days of week written MON..SUN (also accepts full English names). */
final class Days {
  private static final List<String> SHORT = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private Days() {}

  /** The days under {@code key}, or null after reporting a problem. */
  static Set<DayOfWeek> read(Fields f, String key, boolean required) {
    if (!f.has(key)) {
      if (required) {
        f.missing(key);
      }
      return null;
    }
    List<String> names = f.strings(key);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    boolean ok = true;
    for (String n : names) {
      DayOfWeek d = parse(n);
      if (d == null) {
        f.error(key, "\"" + n + "\" is not a day (use " + String.join(", ", SHORT) + ")");
        ok = false;
      } else {
        days.add(d);
      }
    }
    if (ok && days.isEmpty()) {
      f.error(key, "must not be empty");
      return null;
    }
    return ok ? days : null;
  }

  private static DayOfWeek parse(String s) {
    String u = s.strip().toUpperCase(java.util.Locale.ROOT);
    int i = SHORT.indexOf(u);
    if (i >= 0) {
      return DayOfWeek.of(i + 1);
    }
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(u)) {
        return d;
      }
    }
    return null;
  }
}
