package io.slamon.store;

import io.slamon.store.internal.PartitionedSchema;
import io.slamon.store.internal.TimeSeriesTable;
import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** SLO evaluations in {@code slo_status}; a second evaluation at the same instant replaces the first. */
public final class PostgresSloStatusStore implements SloStatusStore {
  private static final String COLUMNS =
      "tenant, slo, evaluated_at, window_start, window_end, good, total, objective, attainment, budget_remaining";

  private final DataSource dataSource;
  private final PartitionedSchema partitions; // null on hypertables

  PostgresSloStatusStore(DataSource dataSource, PartitionedSchema partitions) {
    this.dataSource = dataSource;
    this.partitions = partitions;
  }

  @Override
  public void append(SloStatus status) {
    Objects.requireNonNull(status, "status");
    if (status.tenant().isEmpty()) {
      throw new IllegalArgumentException("SLO status of " + status.slo() + " has an empty tenant id");
    }
    if (!Timestamps.inRange(status.evaluatedAt())) {
      throw new IllegalArgumentException("SLO status of " + status.slo() + " evaluated at " + status.evaluatedAt()
          + ", outside years 1..9999");
    }
    if (partitions != null) {
      partitions.ensure(TimeSeriesTable.SLO_STATUS, Set.of(status.evaluatedAt()));
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO slo_status (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant, slo, evaluated_at) DO UPDATE SET"
            + " window_start = excluded.window_start, window_end = excluded.window_end, good = excluded.good,"
            + " total = excluded.total, objective = excluded.objective, attainment = excluded.attainment,"
            + " budget_remaining = excluded.budget_remaining")) {
      ps.setString(1, status.tenant());
      ps.setString(2, status.slo());
      Timestamps.set(ps, 3, status.evaluatedAt());
      Timestamps.set(ps, 4, status.windowStart());
      Timestamps.set(ps, 5, status.windowEnd());
      ps.setDouble(6, status.good());
      ps.setDouble(7, status.total());
      ps.setDouble(8, status.objective());
      ps.setDouble(9, status.attainment());
      ps.setDouble(10, status.budgetRemaining());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("could not store SLO status of " + status.tenant() + "/" + status.slo() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public List<SloStatus> latest(String tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return select("SELECT DISTINCT ON (slo) " + COLUMNS + " FROM slo_status WHERE tenant = ?"
        + " ORDER BY slo, evaluated_at DESC", tenant, null);
  }

  @Override
  public Optional<SloStatus> latest(String tenant, String slo) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(slo, "slo");
    return select("SELECT " + COLUMNS + " FROM slo_status WHERE tenant = ? AND slo = ?"
        + " ORDER BY evaluated_at DESC LIMIT 1", tenant, slo).stream().findFirst();
  }

  private List<SloStatus> select(String sql, String tenant, String slo) {
    List<SloStatus> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      if (slo != null) {
        ps.setString(2, slo);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(new SloStatus(rs.getString("tenant"), rs.getString("slo"), Timestamps.get(rs, "evaluated_at"),
              Timestamps.get(rs, "window_start"), Timestamps.get(rs, "window_end"), rs.getDouble("good"),
              rs.getDouble("total"), rs.getDouble("objective"), rs.getDouble("attainment"),
              rs.getDouble("budget_remaining")));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("could not read SLO status of tenant " + tenant + ": " + e.getMessage(), e);
    }
    return result;
  }
}
