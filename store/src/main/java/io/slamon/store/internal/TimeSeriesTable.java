package io.slamon.store.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The tables partitioned (or chunked) by time, and their time column. */
public enum TimeSeriesTable {
  SAMPLES("samples", "ts"),
  SLO_STATUS("slo_status", "evaluated_at"),
  ROLLUPS("rollups_1m", "minute");

  private final String tableName;
  private final String timeColumn;

  TimeSeriesTable(String tableName, String timeColumn) {
    this.tableName = tableName;
    this.timeColumn = timeColumn;
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
