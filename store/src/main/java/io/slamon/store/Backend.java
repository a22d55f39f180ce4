package io.slamon.store;

import java.util.Objects;

/**
 * What the connected database can do, as detected at open.
 *
 * @param kind plain PostgreSQL or a TimescaleDB edition
 * @param serverVersion PostgreSQL server version, e.g. {@code 16.10}
 * @param timescaleVersion installed TimescaleDB extension version, or {@code null}
 * @param hypertables true when the time-series tables are hypertables (else: native daily
 *     range partitions)
 * @param compression true when native compression is available (community edition only; slamon
 *     does not enable compression policies yet)
 * @param retentionMethod how {@link Retention} drops old data: {@code drop_chunks} or
 *     {@code drop partitions}
 */
public record Backend(
    Kind kind,
    String serverVersion,
    String timescaleVersion,
    boolean hypertables,
    boolean compression,
    String retentionMethod) {

  public static final String DROP_CHUNKS = "drop_chunks";
  public static final String DROP_PARTITIONS = "drop partitions";

  public Backend {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(serverVersion, "serverVersion");
    Objects.requireNonNull(retentionMethod, "retentionMethod");
    if (kind == Kind.POSTGRES && (timescaleVersion != null || hypertables || compression)) {
      throw new IllegalArgumentException("plain PostgreSQL has no TimescaleDB version, hypertables or compression");
    }
    if (compression && kind != Kind.TIMESCALE_COMMUNITY) {
      throw new IllegalArgumentException("compression needs the TimescaleDB community edition, not " + kind);
    }
  }

  /** Which server family. */
  public enum Kind {
    POSTGRES,
    /** TimescaleDB, Apache-2 licensed edition (e.g. Debian's package): hypertables, no compression. */
    TIMESCALE_APACHE,
    /** TimescaleDB, Timescale License edition: hypertables and compression. */
    TIMESCALE_COMMUNITY
  }

  /** True on either TimescaleDB edition. */
  public boolean timescale() {
    return kind != Kind.POSTGRES;
  }

  /**
   * One line for logs and {@code slamon serve --print-backend}, e.g. {@code TimescaleDB 2.19.3
   * (Apache edition) on PostgreSQL 15.18: hypertables, no compression, retention by drop_chunks}.
   */
  public String describe() {
    String layout = hypertables ? "hypertables" : "daily range partitions";
    String retention = "retention by " + retentionMethod;
    return switch (kind) {
      case POSTGRES -> "PostgreSQL " + serverVersion + " (plain): " + layout + ", " + retention;
      case TIMESCALE_APACHE, TIMESCALE_COMMUNITY ->
          "TimescaleDB " + timescaleVersion + " (" + (kind == Kind.TIMESCALE_APACHE ? "Apache" : "community")
              + " edition) on PostgreSQL " + serverVersion + ": " + layout + ", "
              + (compression ? "compression available" : "no compression") + ", " + retention;
    };
  }
}
