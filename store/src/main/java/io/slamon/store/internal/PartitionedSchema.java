package io.slamon.store.internal;

import io.slamon.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Range partitions of the time-series tables on plain PostgreSQL: one per UTC day (one per UTC
 * month for the hourly rollups, see {@link TimeSeriesTable}), named after their first day.
 *
 * <p>There is deliberately no DEFAULT partition: rows in it would block creating the matching
 * day later and would escape partition-drop retention. Instead partitions are created at open
 * (yesterday to two days ahead) and on demand before a write that needs another day, so a
 * sample with an old or future timestamp is never refused. Creation takes a transaction-scoped
 * advisory lock so that several collectors writing to one database do not race.
 */
public final class PartitionedSchema {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final long PARTITION_LOCK = 0x736c616d6f6e01L; // "slamon" + 1, any stable number

  private final DataSource dataSource;
  // days known to exist per table; only an optimisation, the DDL is IF NOT EXISTS anyway
  private final Map<TimeSeriesTable, Set<LocalDate>> known = new EnumMap<>(TimeSeriesTable.class);

  public PartitionedSchema(DataSource dataSource) {
    this.dataSource = dataSource;
    for (TimeSeriesTable t : TimeSeriesTable.values()) {
      known.put(t, ConcurrentHashMap.newKeySet());
    }
  }

  /** Creates the partitions around {@code now} for every time-series table. */
  public void maintain(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<Instant> days = List.of(
        today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        today.atStartOfDay(ZoneOffset.UTC).toInstant(),
        today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        today.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
    for (TimeSeriesTable t : TimeSeriesTable.values()) {
      ensure(t, days);
    }
  }

  /** Makes sure a partition exists for the UTC day of each instant. */
  public void ensure(TimeSeriesTable table, Collection<Instant> instants) {
    Set<LocalDate> missing = new TreeSet<>();
    for (Instant i : instants) {
      LocalDate day = table.partitionStart(LocalDate.ofInstant(i, ZoneOffset.UTC));
      if (!known.get(table).contains(day)) {
        missing.add(day);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try {
      LockedTransaction.run(dataSource, PARTITION_LOCK, c -> {
        try (Statement s = c.createStatement()) {
          for (LocalDate day : missing) {
            s.execute("CREATE TABLE IF NOT EXISTS " + partitionName(table, day) + " PARTITION OF " + table.tableName()
                + " FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + table.partitionEnd(day) + " 00:00:00+00')");
          }
        }
        return null;
      });
      known.get(table).addAll(missing);
    } catch (SQLException e) {
      throw new StoreException("could not create daily partitions " + missing + " of " + table.tableName()
          + ": " + e.getMessage(), e);
    }
  }

  /** Forgets what it knows about existing partitions (after another process may have dropped some). */
  public void forget(TimeSeriesTable table) {
    known.get(table).clear();
  }

  /** Drops the partitions of {@code table} that lie entirely before {@code cutoff}; returns their names. */
  public List<String> dropOlderThan(TimeSeriesTable table, Instant cutoff) {
    Pattern name = Pattern.compile(Pattern.quote(table.tableName()) + "_p(\\d{8})");
    List<String> dropped = new ArrayList<>();
    try {
      LockedTransaction.run(dataSource, PARTITION_LOCK, c -> {
        try (Statement s = c.createStatement()) {
          for (String partition : partitions(c, table.tableName())) {
            Matcher m = name.matcher(partition);
            if (!m.matches()) {
              continue; // not ours: leave it alone
            }
            LocalDate day = LocalDate.parse(m.group(1), DAY);
            if (!table.partitionEnd(day).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(cutoff)) {
              s.execute("DROP TABLE " + partition);
              dropped.add(partition);
              known.get(table).remove(day);
            }
          }
        }
        return null;
      });
    } catch (SQLException e) {
      throw new StoreException("could not drop partitions of " + table.tableName() + " older than " + cutoff
          + ": " + e.getMessage(), e);
    }
    dropped.sort(null);
    return dropped;
  }

  static String partitionName(TimeSeriesTable table, LocalDate day) {
    return table.tableName() + "_p" + DAY.format(day);
  }

  /** True when {@code table} in the current schema is a natively partitioned table. */
  public static boolean isPartitioned(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT c.relkind = 'p' FROM pg_class c WHERE c.relname = ? AND c.relnamespace = current_schema()::regnamespace")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static List<String> partitions(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT child.relname FROM pg_inherits i JOIN pg_class child ON child.oid = i.inhrelid"
            + " JOIN pg_class parent ON parent.oid = i.inhparent"
            + " WHERE parent.relname = ? AND parent.relnamespace = current_schema()::regnamespace ORDER BY 1")) {
      ps.setString(1, table);
      List<String> names = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    }
  }
}
