package io.slamon.store;

import io.slamon.store.internal.Json;
import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** {@link RollupReader} on {@code rollups_1m} joined to {@code series}. */
public final class PostgresRollupReader implements RollupReader {
  private static final String SCOPE = " FROM series s JOIN rollups_1m r ON r.series_id = s.id"
      + " WHERE coalesce(s.tenant, '') = ? AND s.metric = ? AND s.labels @> ?::jsonb AND r.minute >= ? AND r.minute < ?";

  private final DataSource dataSource;

  PostgresRollupReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<RollupSeries> rollups(String tenant, String metric, Map<String, String> labelMatchers, Instant from,
      Instant to) {
    Map<Long, Map<String, String>> labels = new LinkedHashMap<>();
    Map<Long, List<Minute>> minutes = new LinkedHashMap<>();
    select("SELECT s.id, s.labels::text, r.minute, r.count, r.sum, r.min, r.max, r.first, r.last, r.increase"
        + SCOPE + " ORDER BY s.id, r.minute", tenant, metric, labelMatchers, from, to, rs -> {
          long id = rs.getLong(1);
          if (!labels.containsKey(id)) {
            labels.put(id, Json.readStrings(rs.getString(2)));
            minutes.put(id, new ArrayList<>());
          }
          minutes.get(id).add(new Minute(Timestamps.get(rs, "minute"), rs.getInt(4), rs.getDouble(5), rs.getDouble(6),
              rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10)));
        });
    return labels.entrySet().stream()
        .map(e -> new RollupSeries(tenant, metric, e.getValue(), minutes.get(e.getKey())))
        .toList();
  }

  @Override
  public List<SeriesTotal> totals(String tenant, String metric, Map<String, String> labelMatchers, Instant from,
      Instant to) {
    List<SeriesTotal> result = new ArrayList<>();
    select("SELECT s.labels::text, sum(r.count), sum(r.increase)" + SCOPE + " GROUP BY s.id, s.labels ORDER BY s.id",
        tenant, metric, labelMatchers, from, to,
        rs -> result.add(new SeriesTotal(tenant, metric, Json.readStrings(rs.getString(1)), rs.getLong(2),
            rs.getDouble(3))));
    return result;
  }

  private interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  private void select(String sql, String tenant, String metric, Map<String, String> labelMatchers, Instant from,
      Instant to, RowConsumer rows) {
    PostgresSampleStore.requireTenant(tenant);
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant == null ? "" : tenant);
      ps.setString(2, metric);
      ps.setString(3, Json.write(labelMatchers == null ? Map.of() : labelMatchers));
      Timestamps.set(ps, 4, from);
      Timestamps.set(ps, 5, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("could not read rollups of " + metric + " for "
          + (tenant == null ? "the provider scope" : "tenant " + tenant) + ": " + e.getMessage(), e);
    }
  }
}
