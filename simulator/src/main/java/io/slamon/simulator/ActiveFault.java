package io.slamon.simulator;

import java.time.Instant;
import java.util.Objects;

/** An injected fault with its id and the simulated interval [{@code since}, {@code until}). */
public record ActiveFault(String id, Fault fault, Instant since, Instant until) {
  public ActiveFault {
    PodRef.requireText(id, "fault id");
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
  }

  public boolean activeAt(Instant t) {
    return !t.isBefore(since) && t.isBefore(until);
  }
}
