package io.slamon.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A pushed operational event: backup, restore test, CVE / patch, maintenance, RAG index
 * freshness, token usage. Never carries prompt content.
 *
 * @param id the sender's idempotency key; the same id stored twice is stored once
 * @param tenant tenant id, or {@code null} for provider-wide events
 * @param type dotted type, e.g. {@code backup.completed} (see docs/events.md)
 * @param time when it happened (sender's clock)
 * @param source the authenticated source that pushed it
 * @param attributes type-specific fields (strings, numbers, booleans)
 */
public record Event(String id, String tenant, String type, Instant time, String source, Map<String, Object> attributes) {
  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    attributes = Map.copyOf(attributes);
  }
}
