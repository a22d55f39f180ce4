package io.slamon.collector.events;

import java.util.Objects;

/**
 * Why an event was not accepted, as sent to the client: {@code {"error": ..., "field": ...}}.
 *
 * @param status HTTP status (4xx)
 * @param error human-readable reason saying what was expected
 * @param field the offending field (e.g. {@code attributes.cvss}), or {@code null}
 */
public record Rejection(int status, String error, String field) {
  public Rejection {
    Objects.requireNonNull(error, "error");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 4xx/5xx, got " + status);
    }
  }
}
