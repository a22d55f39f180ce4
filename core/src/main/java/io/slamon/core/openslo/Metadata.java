package io.slamon.core.openslo;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** OpenSLO metadata; {@code labels.tenant} binds the document to a slamon tenant. */
public record Metadata(String name, String displayName, Map<String, String> labels) {
  public Metadata {
    Objects.requireNonNull(name, "name");
    displayName = displayName == null ? name : displayName;
    labels = Map.copyOf(labels);
  }

  public Optional<String> tenant() {
    return Optional.ofNullable(labels.get("tenant"));
  }
}
