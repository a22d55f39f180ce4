package io.slamon.store;

import io.slamon.store.internal.Rows;
import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link PeriodResultStore} in the {@code period_results} table (V6). */
public final class PostgresPeriodResultStore implements PeriodResultStore {
  private static final String COLUMNS = "tenant, month, zone, period_start, period_end, computed_at, snapshot, result, result_sha256";

  private final DataSource dataSource;

  PostgresPeriodResultStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void save(StoredPeriod p) {
    Objects.requireNonNull(p, "period");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO period_results (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (tenant, month) DO UPDATE SET zone = excluded.zone, period_start = excluded.period_start,"
            + " period_end = excluded.period_end, computed_at = excluded.computed_at, snapshot = excluded.snapshot,"
            + " result = excluded.result, result_sha256 = excluded.result_sha256")) {
      ps.setString(1, p.tenant());
      ps.setString(2, p.month());
      ps.setString(3, p.zone());
      Timestamps.set(ps, 4, p.start());
      Timestamps.set(ps, 5, p.end());
      Timestamps.set(ps, 6, p.computedAt());
      ps.setString(7, p.snapshot());
      ps.setString(8, p.result());
      ps.setString(9, p.resultSha256());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("could not store the period result of " + p.tenant() + " " + p.month() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<StoredPeriod> find(String tenant, String month) {
    return Rows.query(dataSource, "the period result of " + tenant + " " + month,
        "SELECT " + COLUMNS + " FROM period_results WHERE tenant = ? AND month = ?", PostgresPeriodResultStore::row,
        Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(month, "month")).stream().findFirst();
  }

  @Override
  public List<String> months(String tenant) {
    return Rows.query(dataSource, "the period months of " + tenant, "SELECT month FROM period_results WHERE tenant = ? ORDER BY month DESC",
        rs -> rs.getString(1), Objects.requireNonNull(tenant, "tenant"));
  }

  @Override
  public DataCounts dataCounts(String tenant, Instant from, Instant to) {
    Objects.requireNonNull(tenant, "tenant");
    try (Connection c = dataSource.getConnection();
        PreparedStatement samples = c.prepareStatement("SELECT count(*), max(s.ts) FROM samples s JOIN series r ON r.id = s.series_id"
            + " WHERE r.tenant = ? AND s.ts >= ? AND s.ts < ?");
        PreparedStatement events = c.prepareStatement("SELECT count(*) FROM events WHERE (tenant = ? OR tenant IS NULL)"
            + " AND time >= ? AND time < ?");
        PreparedStatement audit = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM audit_log")) {
      samples.setString(1, tenant);
      Timestamps.set(samples, 2, from);
      Timestamps.set(samples, 3, to);
      long sampleCount;
      Instant last;
      try (ResultSet rs = samples.executeQuery()) {
        rs.next();
        sampleCount = rs.getLong(1);
        last = Timestamps.get(rs, "max");
      }
      events.setString(1, tenant);
      Timestamps.set(events, 2, from);
      Timestamps.set(events, 3, to);
      long eventCount;
      try (ResultSet rs = events.executeQuery()) {
        rs.next();
        eventCount = rs.getLong(1);
      }
      long seq;
      try (ResultSet rs = audit.executeQuery()) {
        rs.next();
        seq = rs.getLong(1);
      }
      return new DataCounts(sampleCount, last, eventCount, seq);
    } catch (SQLException e) {
      throw new StoreException("could not count the stored data of " + tenant + ": " + e.getMessage(), e);
    }
  }

  private static StoredPeriod row(ResultSet rs) throws SQLException {
    return new StoredPeriod(rs.getString("tenant"), rs.getString("month"), rs.getString("zone"), Timestamps.get(rs, "period_start"),
        Timestamps.get(rs, "period_end"), Timestamps.get(rs, "computed_at"), rs.getString("snapshot"), rs.getString("result"),
        rs.getString("result_sha256"));
  }
}
