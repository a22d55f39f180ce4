package io.slamon.slo.internal;

import io.slamon.slo.TimeInterval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Set arithmetic on lists of half-open intervals; every result is sorted, disjoint and non-empty. */
public final class Intervals {
  private Intervals() {}

  /** Sorted union with overlapping and touching intervals merged, empty ones dropped. */
  public static List<TimeInterval> normalize(List<TimeInterval> intervals) {
    List<TimeInterval> sorted = new ArrayList<>(intervals.stream().filter(i -> !i.isEmpty()).toList());
    sorted.sort(Comparator.comparing(TimeInterval::start));
    List<TimeInterval> out = new ArrayList<>();
    for (TimeInterval i : sorted) {
      if (!out.isEmpty() && !i.start().isAfter(out.get(out.size() - 1).end())) {
        TimeInterval last = out.remove(out.size() - 1);
        out.add(new TimeInterval(last.start(), max(last.end(), i.end())));
      } else {
        out.add(i);
      }
    }
    return out;
  }

  public static List<TimeInterval> union(List<TimeInterval> a, List<TimeInterval> b) {
    List<TimeInterval> all = new ArrayList<>(a);
    all.addAll(b);
    return normalize(all);
  }

  public static List<TimeInterval> intersect(List<TimeInterval> a, List<TimeInterval> b) {
    List<TimeInterval> x = normalize(a);
    List<TimeInterval> y = normalize(b);
    List<TimeInterval> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < x.size() && j < y.size()) {
      Instant start = max(x.get(i).start(), y.get(j).start());
      Instant end = min(x.get(i).end(), y.get(j).end());
      if (start.isBefore(end)) {
        out.add(new TimeInterval(start, end));
      }
      if (x.get(i).end().isBefore(y.get(j).end())) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  /** {@code a} without the parts covered by {@code b}. */
  public static List<TimeInterval> subtract(List<TimeInterval> a, List<TimeInterval> b) {
    List<TimeInterval> cut = normalize(b);
    List<TimeInterval> out = new ArrayList<>();
    for (TimeInterval i : normalize(a)) {
      Instant cursor = i.start();
      for (TimeInterval c : cut) {
        if (!c.end().isAfter(cursor) || !c.start().isBefore(i.end())) {
          continue;
        }
        if (c.start().isAfter(cursor)) {
          out.add(new TimeInterval(cursor, c.start()));
        }
        cursor = max(cursor, c.end());
      }
      if (cursor.isBefore(i.end())) {
        out.add(new TimeInterval(cursor, i.end()));
      }
    }
    return out;
  }

  public static Duration total(List<TimeInterval> intervals) {
    Duration sum = Duration.ZERO;
    for (TimeInterval i : normalize(intervals)) {
      sum = sum.plus(i.length());
    }
    return sum;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
