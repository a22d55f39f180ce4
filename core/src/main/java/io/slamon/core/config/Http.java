package io.slamon.core.config;

import java.util.Objects;

/** The HTTP API / portal listener; port 0 picks a free port (tests). */
public record Http(int port, String bind) {
  public static final Http DEFAULT = new Http(8080, "127.0.0.1");

  public Http {
    Objects.requireNonNull(bind, "bind");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
  }
}
