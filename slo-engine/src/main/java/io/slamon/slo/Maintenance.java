package io.slamon.slo;

import java.util.Objects;

/**
 * A maintenance that happened: when the service was actually taken down, and — if it was announced
 * ahead — the interval that was announced. {@code announced} is null for unannounced maintenance.
 */
public record Maintenance(String id, TimeInterval actual, TimeInterval announced) {
  public Maintenance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actual, "actual");
  }

  public static Maintenance announced(String id, TimeInterval announced, TimeInterval actual) {
    return new Maintenance(id, actual, Objects.requireNonNull(announced, "announced"));
  }

  public static Maintenance unannounced(String id, TimeInterval actual) {
    return new Maintenance(id, actual, null);
  }

  public boolean wasAnnounced() {
    return announced != null;
  }
}
