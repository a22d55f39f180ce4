package io.slamon.core.config;

import java.util.Objects;

/** A client allowed to push events; it sends {@code Authorization: Bearer <token>}. */
public record EventSource(String name, String token) {
  public EventSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(token, "token");
    if (token.length() < 16) {
      throw new IllegalArgumentException("token must be at least 16 characters");
    }
  }

  @Override
  public String toString() {
    return "EventSource[name=" + name + "]";
  }
}
