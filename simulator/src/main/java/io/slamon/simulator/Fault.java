package io.slamon.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault to inject: what, where ({@code gpu-node-01/0}, a hostname, a tenant or a model) and for
 * how long (simulated clock time).
 */
public record Fault(FaultType type, String target, Duration duration) {
  public Fault {
    Objects.requireNonNull(type, "fault type must not be null");
    PodRef.requireText(target, "fault target");
    Objects.requireNonNull(duration, "fault duration must not be null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("fault duration must be positive, got " + duration);
    }
  }
}
