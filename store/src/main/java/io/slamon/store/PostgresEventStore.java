package io.slamon.store;

import io.slamon.store.internal.Json;
import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** Events in the {@code events} table; the sender's id is the primary key, so re-delivery is a no-op. */
public final class PostgresEventStore implements EventStore {
  private final DataSource dataSource;
  private final InstantSource clock;

  PostgresEventStore(DataSource dataSource, InstantSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public boolean append(Event event) {
    Objects.requireNonNull(event, "event");
    PostgresSampleStore.requireTenant(event.tenant());
    String attributes = Json.write(event.attributes());
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO events (id, tenant, type, time, source, attributes, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (id) DO NOTHING")) {
      ps.setString(1, event.id());
      ps.setString(2, event.tenant());
      ps.setString(3, event.type());
      Timestamps.set(ps, 4, event.time());
      ps.setString(5, event.source());
      ps.setString(6, attributes);
      Timestamps.set(ps, 7, clock.instant());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("could not store event " + event.id() + " (" + event.type() + "): " + e.getMessage(), e);
    }
  }

  @Override
  public List<Event> list(String tenant, String typePrefix, Instant from, Instant to) {
    PostgresSampleStore.requireTenant(tenant);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    String prefix = typePrefix == null ? "" : typePrefix;
    List<Event> events = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT id, tenant, type, time, source, attributes::text AS attributes FROM events"
                + " WHERE coalesce(tenant, '') = ? AND type LIKE ? ESCAPE '\\' AND time >= ? AND time < ?"
                + " ORDER BY time, id")) {
      ps.setString(1, tenant == null ? "" : tenant);
      ps.setString(2, escapeLike(prefix) + "%");
      Timestamps.set(ps, 3, from);
      Timestamps.set(ps, 4, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.add(new Event(rs.getString("id"), rs.getString("tenant"), rs.getString("type"),
              Timestamps.get(rs, "time"), rs.getString("source"), Json.readObjects(rs.getString("attributes"))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("could not list events '" + prefix + "*' for "
          + (tenant == null ? "the provider scope" : "tenant " + tenant) + ": " + e.getMessage(), e);
    }
    return events;
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
