package io.slamon.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads stored samples back, always scoped to one tenant (or the provider scope). */
public interface SampleReader {
  /**
   * The series of {@code metric} owned by {@code tenant} ({@code null}: provider scope) whose
   * labels contain every entry of {@code labelMatchers}, with their points in {@code [from, to)}
   * ordered by time.
   */
  List<Series> query(String tenant, String metric, Map<String, String> labelMatchers, Instant from, Instant to);

  /** A series and its points in time order. */
  record Series(String tenant, String metric, Map<String, String> labels, List<Point> points) {
    public Series {
      labels = Map.copyOf(labels);
      points = List.copyOf(points);
    }
  }

  /** One point of a series. */
  record Point(long timestampMillis, double value) {}
}
