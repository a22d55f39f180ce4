package io.slamon.core.config;

import java.time.Duration;
import java.util.Objects;

/** A protected asset with its recovery time and recovery point objectives. */
public record Asset(String name, Duration rto, Duration rpo) {
  public Asset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rto, "rto");
    Objects.requireNonNull(rpo, "rpo");
  }
}
