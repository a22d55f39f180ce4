package io.slamon.app.web;

import io.slamon.store.SloStatus;
import io.slamon.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The evaluations of one SLO in a time range, for the portal's attainment chart. Reads
 * {@code slo_status} directly: the store's SLO status interface has only the latest evaluation, and
 * a chart needs at most a few hundred points, so they are thinned in SQL.
 */
public final class SloHistory {
  private static final int MAX_POINTS = 200;
  private final DataSource dataSource;

  public SloHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Points (evaluated_at, attainment, budget_remaining) of {@code tenant}/{@code slo} in [from, to), oldest first. */
  public List<SloStatus> between(String tenant, String slo, Instant from, Instant to) {
    // the newest evaluation of each of at most MAX_POINTS equal-count buckets (the last one is the newest overall)
    String sql = """
        SELECT DISTINCT ON (bucket) evaluated_at, objective, attainment, budget_remaining FROM (
          SELECT evaluated_at, objective, attainment, budget_remaining, ntile(?) OVER (ORDER BY evaluated_at) AS bucket
          FROM slo_status WHERE tenant = ? AND slo = ? AND evaluated_at >= ? AND evaluated_at < ?
        ) s
        ORDER BY bucket, evaluated_at DESC""";
    List<SloStatus> points = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, MAX_POINTS);
      ps.setString(2, tenant);
      ps.setString(3, slo);
      ps.setObject(4, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
      ps.setObject(5, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant at = rs.getObject(1, OffsetDateTime.class).toInstant();
          points.add(new SloStatus(tenant, slo, at, null, null, 0, 0, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
        }
      }
      points.sort(java.util.Comparator.comparing(SloStatus::evaluatedAt));
    } catch (SQLException e) {
      throw new StoreException("could not read the SLO history of " + tenant + "/" + slo + ": " + e.getMessage(), e);
    }
    return points;
  }
}
