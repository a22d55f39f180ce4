package io.slamon.core.config;

import java.time.Duration;
import java.util.Objects;

/** Incident response targets for one severity. */
public record ResponseTarget(Duration acknowledge, Duration restore) {
  public ResponseTarget {
    Objects.requireNonNull(acknowledge, "acknowledge");
    Objects.requireNonNull(restore, "restore");
    if (restore.compareTo(acknowledge) < 0) {
      throw new IllegalArgumentException("restore must not be shorter than acknowledge");
    }
  }
}
