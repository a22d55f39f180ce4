package io.slamon.incident.clock;

import java.time.Instant;

/**
 * A stretch during which a cloud service was unavailable to some users.
 *
 * @param end null while the outage is still running
 * @param affectedUsers users in the Union affected during this stretch (all, for a complete one)
 */
public record Outage(Instant start, Instant end, Scope scope, long affectedUsers) {
  public enum Scope {
    /** The service is completely unavailable. */
    COMPLETE,
    /** Availability is limited for some users. */
    LIMITED
  }

  public Outage {
    if (start == null || scope == null) {
      throw new IllegalArgumentException("an outage needs a start and a scope");
    }
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException(
          "an outage cannot end (" + end + ") before it starts (" + start + ")");
    }
    if (affectedUsers < 0) {
      throw new IllegalArgumentException("affected users cannot be negative, got " + affectedUsers);
    }
  }
}
