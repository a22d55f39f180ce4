package io.slamon.core.config;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily span of wall-clock time (in the tenant's time zone) during which non-urgent deliveries
 * wait. {@code from} after {@code to} spans midnight (22:00–07:00).
 */
public record QuietHours(LocalTime from, LocalTime to) {
  public QuietHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("quiet hours from " + from + " to " + to + " are empty");
    }
  }

  /** Whether {@code t} falls into the quiet hours in {@code zone}. */
  public boolean contains(Instant t, ZoneId zone) {
    LocalTime local = t.atZone(zone).toLocalTime();
    return from.isBefore(to)
        ? !local.isBefore(from) && local.isBefore(to)
        : !local.isBefore(from) || local.isBefore(to);
  }

  /** {@code t} itself outside quiet hours, else the instant they end in {@code zone} (DST-aware). */
  public Instant endAfter(Instant t, ZoneId zone) {
    if (!contains(t, zone)) {
      return t;
    }
    ZonedDateTime local = t.atZone(zone);
    ZonedDateTime end = local.toLocalDate().atTime(to).atZone(zone);
    if (!end.isAfter(local)) {
      end = local.toLocalDate().plusDays(1).atTime(to).atZone(zone);
    }
    return end.toInstant();
  }
}
