package io.slamon.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One pushed event in the shape slamon's events API expects: {@code {"id", "type", "tenant",
 * "time", "attributes"}}. Attribute values are strings, numbers or booleans; never prompt content.
 */
public record SimEvent(
    String id, String type, String tenant, Instant time, Map<String, Object> attributes) {
  public SimEvent {
    PodRef.requireText(id, "event id");
    PodRef.requireText(type, "event type");
    PodRef.requireText(tenant, "event tenant");
    Objects.requireNonNull(time, "event time");
    // Keeps insertion order so the JSON is byte-stable.
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
