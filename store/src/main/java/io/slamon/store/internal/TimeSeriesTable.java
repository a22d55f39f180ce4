package io.slamon.store.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The tables partitioned (or chunked) by time, their time column and partition span. Most are
 * split by UTC day; the hourly rollups by UTC month, because a 30-day read of one series then
 * touches two partitions instead of thirty-one (docs/benchmarks.md "SLO engine").
 */
public enum TimeSeriesTable {
  SAMPLES("samples", "ts", false),
  SLO_STATUS("slo_status", "evaluated_at", false),
  ROLLUPS("rollups_1m", "minute", false),
  HOURLY_ROLLUPS("rollups_1h", "hour", true);

  private final String tableName;
  private final String timeColumn;
  private final boolean monthly;

  TimeSeriesTable(String tableName, String timeColumn, boolean monthly) {
    this.tableName = tableName;
    this.timeColumn = timeColumn;
    this.monthly = monthly;
  }

  /** First day of the partition containing {@code day}. */
  public java.time.LocalDate partitionStart(java.time.LocalDate day) {
    return monthly ? day.withDayOfMonth(1) : day;
  }

  /** First day after the partition starting at {@code start}. */
  public java.time.LocalDate partitionEnd(java.time.LocalDate start) {
    return monthly ? start.plusMonths(1) : start.plusDays(1);
  }

  /** TimescaleDB chunk interval matching the partition span. */
  public String chunkInterval() {
    return monthly ? "30 days" : "1 day";
  }

  public String tableName() {
    return tableName;
  }

  public String timeColumn() {
    return timeColumn;
  }

  /** The table called {@code name}; an unknown name is rejected with the list of valid ones. */
  public static TimeSeriesTable byName(String name) {
    for (TimeSeriesTable t : values()) {
      if (t.tableName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("not a time-series table: '" + name + "'; retention applies to "
        + Arrays.stream(values()).map(TimeSeriesTable::tableName).collect(Collectors.joining(", ")));
  }
}
