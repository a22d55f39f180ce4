package io.slamon.slo;

import java.time.Duration;

/** Durations as minutes (contracts count minutes), with fractions of a minute kept. */
public final class Minutes {
  private Minutes() {}

  public static double of(Duration d) {
    return d.toNanos() / 60e9;
  }
}
