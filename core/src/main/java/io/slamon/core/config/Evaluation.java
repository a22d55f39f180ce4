package io.slamon.core.config;

import java.time.Duration;
import java.util.Objects;

/** SLO evaluation settings: how often the slo-engine evaluates all SLOs. */
public record Evaluation(Duration interval) {
  public static final Evaluation DEFAULT = new Evaluation(Duration.ofSeconds(30));

  public Evaluation {
    Objects.requireNonNull(interval, "interval");
  }
}
