package io.slamon.core.config;

import java.time.Duration;
import java.util.Objects;

/** How long each data class is kept: raw samples, rollups, events (backups, incidents, ...). */
public record Retention(Duration raw, Duration rollups, Duration events) {
  public static final Retention DEFAULT =
      new Retention(Duration.ofDays(7), Duration.ofDays(400), Duration.ofDays(800));

  public Retention {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(rollups, "rollups");
    Objects.requireNonNull(events, "events");
    if (rollups.compareTo(raw) < 0) {
      throw new IllegalArgumentException("retention.rollups must not be shorter than retention.raw");
    }
  }
}
